using System.Diagnostics.Metrics;
using Grpc.AspNetCore.Server;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Health;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Stores;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Ledger.Gateway.Observability;

/// <summary>Registers metrics and their listener, the audit log, the write outcome interceptor and JSON logs.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The configuration key that selects the console log format ("json" for one JSON object per line).</summary>
    public const string LogFormatKey = "Logging:Format";

    /// <summary>
    /// Call after the stores (the verification cache gets a counting wrapper) and before the
    /// chain services (the write outcome interceptor must be outside the error interceptor,
    /// and interceptors run in the order they are added).
    /// </summary>
    public static WebApplicationBuilder AddLedgerObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (string.Equals(builder.Configuration[LogFormatKey], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = true;
            });

        services.TryAddSingleton<NodeStatusSnapshot>();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<WriteOutcomeInterceptor>();
        services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<WriteOutcomeInterceptor>());
        DecorateVerificationCache(services);
        AddMetricsListener(builder);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GatewayMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHostsMeters(provider.GetRequiredService<IMeterFactory>())));

        services.AddOptions<NodeHealthOptions>()
            .Bind(builder.Configuration.GetSection(NodeHealthOptions.SectionName))
            .Validate(o => o.BlockPeriod > TimeSpan.Zero && o.StaleAfterBlocks > 0 && o.FollowerMaxLagBlocks >= 0
                           && o.ProbeTimeout > TimeSpan.Zero && o.ProbeInterval > TimeSpan.Zero,
                "Health:Node: BlockPeriod, StaleAfterBlocks, ProbeTimeout and ProbeInterval must be positive, FollowerMaxLagBlocks not negative.")
            .ValidateOnStart();
        if (ChainServiceCollectionExtensions.HasChainSection(builder.Configuration))
        {
            services.TryAddSingleton<INodeStatusSource, PoolNodeStatusSource>();
            services.AddHostedService<NodeStatusRefresher>();
        }
        return builder;
    }

    /// <summary>Counts RPCs (the request metrics); call after routing.</summary>
    public static WebApplication UseLedgerObservability(this WebApplication app)
    {
        app.UseMiddleware<RpcMetricsMiddleware>();
        return app;
    }

    /// <summary>
    /// Maps the Prometheus scraping endpoint: on the metrics listener only when one is configured;
    /// else on a Devnet gateway's API listener (loopback, where the devnet tooling and tests scrape
    /// it); else nowhere, since a Production API listener admits any certificate its CAs sign, mapped
    /// to an official or not. Anonymous: who reaches the listener is settled by where it listens.
    /// </summary>
    public static WebApplication MapLedgerMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (metrics.HasListener)
            app.MapPrometheusScrapingEndpoint().AllowAnonymous().WithMetadata(new ServedOnListener(MetricsListener.ListenerName));
        else if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Mode == GatewayMode.Devnet)
            app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        return app;
    }

    private static void AddMetricsListener(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().Bind(builder.Configuration.GetSection(ObservabilityOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidator>());
        services.TryAddSingleton<MetricsListener>();
        // A Devnet scraper names the listener's own loopback address (127.0.0.2, say) as the host.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<GatewayOptions>, IOptions<ObservabilityOptions>>((filter, gateway, metrics) =>
        {
            if (gateway.Value.Mode == GatewayMode.Devnet)
                DevnetHostFiltering.AllowListenAddress(filter, metrics.Value.MetricsListenAddress);
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ApplicationServices.GetRequiredService<MetricsListener>()
            .Listen(kestrel, kestrel.ApplicationServices.GetRequiredService<IOptions<ObservabilityOptions>>().Value));
    }

    /// <summary>
    /// Meters are found by name across the whole process, so where several gateways share one
    /// (the in-process devnet, the tests, the load program) each would export the sum of all of
    /// them, and record every measurement once per gateway. This host's meters, and ASP.NET
    /// Core's for this host, come from its own <see cref="IMeterFactory"/>: a meter of another
    /// factory is another host's and is dropped (never listened to). Meters of no factory (static
    /// ones) are kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHostsMeters(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null;

    private static void DecorateVerificationCache(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IVerificationCache));
        if (registered is null)
            return;
        services.Remove(registered);
        services.AddSingleton<IVerificationCache>(provider => new CountingVerificationCache(
            (IVerificationCache)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<GatewayMetrics>()));
    }
}
