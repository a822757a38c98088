namespace Ledger.Gateway.Health;

/// <summary>The certificates whose validity the health check watches.</summary>
public interface ICertificateInventory
{
    /// <summary>The certificates in use now (the current server certificate, every trusted CA).</summary>
    IReadOnlyList<MonitoredCertificate> GetCertificates();
}
