using System.Security.Cryptography.X509Certificates;

namespace Ledger.Gateway.Tls;

/// <summary>One trusted CA certificate and the PEM file it was loaded from.</summary>
/// <param name="SourceFile">The configured PEM file.</param>
/// <param name="Certificate">The CA certificate.</param>
public sealed record TrustedCertificateAuthority(string SourceFile, X509Certificate2 Certificate);
