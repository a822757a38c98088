using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Health;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Services;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>Wires the gateway's foundations into a web application; Program.cs calls only these two methods.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>
    /// Registers options (validated at startup), identity, TLS, health, stores, gRPC with
    /// JSON transcoding and reflection, and the Kestrel endpoint for the configured mode.
    /// </summary>
    public static WebApplicationBuilder AddLedgerGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDevnetHostFiltering();

        services.AddLedgerTls(configuration);
        services.AddLedgerIdentity(configuration);
        services.AddLedgerRateLimiting(configuration);
        services.AddLedgerHealthChecks(configuration);
        services.AddLedgerStores(configuration);
        builder.AddLedgerObservability();
        // Without a Chain section the gateway serves only health and reflection (its foundations).
        if (ChainServiceCollectionExtensions.HasChainSection(configuration))
            services.AddLedgerChain(configuration).AddLedgerServiceLimits().AddLedgerHistoryIndex().AddLedgerDocumentExchange(configuration);

        // JSON transcoding serves the google.api.http routes of the protos (e.g. GET
        // /v1/permits:verify?permit_id=...) for clients without gRPC, in the canonical
        // proto3 JSON form: 64-bit numbers as strings (JSON numbers lose precision above
        // 2^53) and default values left out.
        services.AddGrpc().AddJsonTranscoding(transcoding =>
        {
            transcoding.JsonSettings.WriteInt64sAsStrings = true;
            transcoding.JsonSettings.IgnoreDefaultValues = true;
        })
        // Peer callers are admitted on any certificate before the handler pins it: they get
        // room for a request and nothing more (the global size below is for officers' documents).
        .AddServiceOptions<PeerDocumentGrpcService>(peer => peer.MaxReceiveMessageSize = PeerEndpoint.MaxRequestBytes);
        services.AddOptions<Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IOptions<GatewayOptions>>((grpc, gateway) =>
            {
                grpc.MaxReceiveMessageSize = gateway.Value.MaxRequestBytes;
                grpc.EnableDetailedErrors = false;
            });
        services.AddGrpcReflection();
        services.AddHostedService<StartupReport>();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenForLedgerGateway();
            kestrel.ListenForLedgerPeers();
        });
        return builder;
    }

    /// <summary>
    /// Adds the request pipeline (routing, request metrics, authentication, per-address limits
    /// for a Production console's callers without an identity, authorization, rate limiting per
    /// official, authority and peer gateway) and maps the
    /// standard gRPC health service and server reflection (open to any caller the TLS layer
    /// admitted: they say nothing about permits) and, with a Chain section, the ledger
    /// services, each of whose methods declares its policy.
    /// </summary>
    public static WebApplication MapLedgerGateway(this WebApplication app)
    {
        app.UseRouting();
        app.UseDedicatedListeners();
        app.UseLedgerObservability();
        app.UseAuthentication();
        // Console callers without an identity are limited per address before authorization refuses them.
        WebConsole.AnonymousConsoleLimits.Use(app);
        app.UseAuthorization();
        app.UseRateLimiter();
        if (ChainServiceCollectionExtensions.HasChainSection(app.Configuration))
            app.MapLedgerChainServices().MapLedgerDocumentServices();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapLedgerMetrics();
        return app;
    }
}
