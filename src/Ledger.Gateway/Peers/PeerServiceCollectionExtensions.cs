using Ledger.Gateway.Application;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>Registers and serves the document exchange: DocumentService for officers, the peer endpoint for other gateways.</summary>
public static class PeerServiceCollectionExtensions
{
    /// <summary>True when <c>Peers:CertificateFile</c> is set, i.e. this gateway has a peer endpoint.</summary>
    public static bool HasPeersSection(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{PeerOptions.SectionName}:{nameof(PeerOptions.CertificateFile)}"]);

    /// <summary>
    /// Both sides of the document exchange (needs the chain services). With a <c>Peers</c>
    /// section: the peer certificate, listener and client, all validated at startup. Without
    /// one, FetchPermitDocument answers FAILED_PRECONDITION and no peer endpoint exists.
    /// </summary>
    public static IServiceCollection AddLedgerDocumentExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<DocumentExchangeAudit>();
        services.TryAddSingleton<DocumentExchangeMetrics>();
        services.TryAddSingleton<DocumentsServeHandler>();
        services.TryAddSingleton<DocumentsFetchHandler>();
        if (!HasPeersSection(configuration))
            return services;
        services.AddOptions<PeerOptions>().Bind(configuration.GetSection(PeerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PeerOptions>, PeerOptionsValidator>());
        services.TryAddSingleton<PeerCertificate>();
        services.TryAddSingleton<PeerEndpoint>();
        services.TryAddSingleton(provider => PeerHostPolicy.For(
            provider.GetRequiredService<IOptions<PeerOptions>>().Value, provider.GetRequiredService<IOptions<GatewayOptions>>().Value));
        services.TryAddSingleton<PeerDocumentClient>();
        services.AddHostedService<PeerStartupReport>();
        return services;
    }

    /// <summary>Adds the peer listener when the document exchange has a peer endpoint.</summary>
    public static void ListenForLedgerPeers(this KestrelServerOptions kestrel)
    {
        var services = kestrel.ApplicationServices;
        if (services.GetService<PeerEndpoint>() is not { } endpoint)
            return;
        endpoint.Listen(kestrel, services.GetRequiredService<IOptions<PeerOptions>>().Value,
            services.GetRequiredService<IOptions<GatewayOptions>>().Value, services.GetRequiredService<PeerCertificate>());
    }

    /// <summary>Maps DocumentService (officers) and PeerDocumentService (peer listener only).</summary>
    public static IEndpointRouteBuilder MapLedgerDocumentServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<DocumentGrpcService>();
        endpoints.MapGrpcService<PeerDocumentGrpcService>().WithMetadata(new ServedOnListener(PeerEndpoint.ListenerName));
        return endpoints;
    }
}
