using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Peers;

/// <summary>
/// A gateway certificate's identity in the on-chain directory: the SHA-256 of its DER encoding,
/// the value <c>openssl x509 -fingerprint -sha256</c> prints (without the colons).
/// </summary>
public static class CertificateFingerprint
{
    /// <summary>SHA-256 of the certificate's DER.</summary>
    public static Bytes32 Of(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new Bytes32(SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>The fingerprint as openssl prints it, upper-case hex without colons (for messages and logs).</summary>
    public static string Text(Bytes32 fingerprint) => Convert.ToHexString(fingerprint.ToArray());
}
