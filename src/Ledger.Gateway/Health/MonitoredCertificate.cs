using System.Security.Cryptography.X509Certificates;

namespace Ledger.Gateway.Health;

/// <summary>A certificate the gateway depends on, with a description an operator recognises.</summary>
/// <param name="Description">What it is and where it comes from, e.g. "server certificate /etc/ledger/server.pem".</param>
/// <param name="Certificate">The certificate.</param>
public sealed record MonitoredCertificate(string Description, X509Certificate2 Certificate);
