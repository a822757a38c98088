using Ledger.Gateway.Tls;

namespace Ledger.Gateway.Health;

/// <summary>Production mode's certificates: the server certificate in service and every trusted client CA.</summary>
public sealed class TlsCertificateInventory(ServerCertificateProvider server, TrustedCertificateAuthorities trusted) : ICertificateInventory
{
    /// <inheritdoc />
    public IReadOnlyList<MonitoredCertificate> GetCertificates()
    {
        var certificates = new List<MonitoredCertificate>
        {
            new($"server certificate '{server.CertificateFile}'", server.Current),
        };
        certificates.AddRange(trusted.Authorities.Select(ca =>
            new MonitoredCertificate($"trusted CA '{ca.Certificate.Subject}' from '{ca.SourceFile}'", ca.Certificate)));
        return certificates;
    }
}
