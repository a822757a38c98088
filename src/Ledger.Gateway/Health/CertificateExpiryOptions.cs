namespace Ledger.Gateway.Health;

/// <summary>When the certificate health check starts warning (configuration section <c>Health:Certificates</c>).</summary>
public sealed class CertificateExpiryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Health:Certificates";

    /// <summary>Report Degraded when a certificate expires within this time (default 30 days).</summary>
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromDays(30);
}
