using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Health;

/// <summary>
/// Unhealthy when any certificate the gateway depends on has expired or is not valid yet;
/// Degraded when one expires within <see cref="CertificateExpiryOptions.WarnBefore"/>;
/// Healthy otherwise. The description names each certificate and its date, so that the
/// operator renews it before callers are locked out.
/// </summary>
public sealed class CertificateExpiryHealthCheck(
    ICertificateInventory inventory, IOptions<CertificateExpiryOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(inventory.GetCertificates(), time.GetUtcNow(), options.Value.WarnBefore));

    /// <summary>The verdict for <paramref name="certificates"/> at <paramref name="now"/>.</summary>
    public static HealthCheckResult Evaluate(IReadOnlyList<MonitoredCertificate> certificates, DateTimeOffset now, TimeSpan warnBefore)
    {
        if (certificates.Count == 0)
            return HealthCheckResult.Healthy("No certificates in use (Devnet mode).");
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        var data = new Dictionary<string, object>();
        foreach (var (description, certificate) in certificates)
        {
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            data[description] = Format(notAfter);
            if (now < notBefore)
                unhealthy.Add($"{description} is not valid until {Format(notBefore)}");
            else if (now >= notAfter)
                unhealthy.Add($"{description} expired on {Format(notAfter)}");
            else if (notAfter - now <= warnBefore)
                degraded.Add($"{description} expires on {Format(notAfter)} (in {(notAfter - now).TotalDays:0.#} days)");
        }
        if (unhealthy.Count > 0)
            return HealthCheckResult.Unhealthy(string.Join("; ", unhealthy.Concat(degraded)) + ".", data: data);
        if (degraded.Count > 0)
            return HealthCheckResult.Degraded(string.Join("; ", degraded) + ". Renew it now.", data: data);
        return HealthCheckResult.Healthy($"{certificates.Count} certificates valid for more than {warnBefore.TotalDays:0.#} days.", data);
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
