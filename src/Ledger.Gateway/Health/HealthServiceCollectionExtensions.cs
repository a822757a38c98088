using Ledger.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Health;

/// <summary>Registers the gateway's health checks behind the standard gRPC health service.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>The name of the certificate check in health reports.</summary>
    public const string CertificateCheckName = "certificates";

    /// <summary>The name of the node check (head block age, endpoints).</summary>
    public const string NodeCheckName = "node";

    /// <summary>The name of the event follower's lag check.</summary>
    public const string FollowerCheckName = "follower";

    /// <summary>The name of the Redis check.</summary>
    public const string RedisCheckName = "redis";

    /// <summary>
    /// Adds the gRPC health service (grpc.health.v1) with the certificate-expiry and Redis
    /// checks, with a Chain section the node (head block age; NOT_SERVING when no node
    /// answers) and follower lag checks, and a publisher that logs changes of the report.
    /// </summary>
    public static IServiceCollection AddLedgerHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CertificateExpiryOptions>()
            .Bind(configuration.GetSection(CertificateExpiryOptions.SectionName))
            .Validate(options => options.WarnBefore > TimeSpan.Zero && options.WarnBefore <= TimeSpan.FromDays(365),
                "Health:Certificates:WarnBefore must be between 1 second and 365 days (e.g. 30.00:00:00).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICertificateInventory>(provider =>
            provider.GetRequiredService<IOptions<GatewayOptions>>().Value.Mode == GatewayMode.Devnet
                ? new NoCertificateInventory()
                : ActivatorUtilities.CreateInstance<TlsCertificateInventory>(provider));
        services.AddSingleton<IHealthCheckPublisher, HealthReportLogPublisher>();
        var checks = services.AddGrpcHealthChecks()
            .AddCheck<CertificateExpiryHealthCheck>(CertificateCheckName)
            .AddCheck<RedisHealthCheck>(RedisCheckName);
        if (Chain.ChainServiceCollectionExtensions.HasChainSection(configuration))
            checks.AddCheck<NodeHealthCheck>(NodeCheckName).AddCheck<FollowerLagHealthCheck>(FollowerCheckName);
        return services;
    }
}
