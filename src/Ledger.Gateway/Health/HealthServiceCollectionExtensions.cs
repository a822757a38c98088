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

    /// <summary>
    /// Adds the gRPC health service (grpc.health.v1) with the certificate-expiry check and a
    /// publisher that logs changes of the health report.
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
        services.AddGrpcHealthChecks()
            .AddCheck<CertificateExpiryHealthCheck>(CertificateCheckName);
        return services;
    }
}
