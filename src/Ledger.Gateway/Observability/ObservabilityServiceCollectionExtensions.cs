using System.Diagnostics.Metrics;
using Grpc.AspNetCore.Server;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Health;
using Ledger.Gateway.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace Ledger.Gateway.Observability;

/// <summary>Registers metrics, the audit log, the write outcome interceptor and JSON logs.</summary>
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

    /// <summary>Serves <c>/metrics</c> (Prometheus text format) and counts RPCs; call after routing.</summary>
    public static WebApplication UseLedgerObservability(this WebApplication app)
    {
        app.UseMiddleware<RpcMetricsMiddleware>();
        return app;
    }

    /// <summary>Maps the Prometheus scraping endpoint, open to any caller the TLS layer admitted.</summary>
    public static WebApplication MapLedgerMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        return app;
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
