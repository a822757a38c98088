namespace Ledger.Gateway.Health;

/// <summary>Devnet mode has no TLS and so no certificates to watch.</summary>
public sealed class NoCertificateInventory : ICertificateInventory
{
    /// <inheritdoc />
    public IReadOnlyList<MonitoredCertificate> GetCertificates() => [];
}
