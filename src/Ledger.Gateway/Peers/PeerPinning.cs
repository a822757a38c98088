using System.Security.Cryptography.X509Certificates;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Peers;

/// <summary>
/// The one trust rule of the peer link, applied by both sides: a gateway is the one an
/// authority published on chain when the SHA-256 of its certificate equals the published
/// fingerprint. Hostname, CA and chain are deliberately ignored (there is no CA on this link);
/// expiry is the publisher's business (it publishes a new fingerprint with a new certificate).
/// </summary>
public static class PeerPinning
{
    /// <summary>True when <paramref name="presented"/> is exactly the published certificate.</summary>
    public static bool Matches(X509Certificate2? presented, Bytes32 published) =>
        presented is not null && !published.IsZero && CertificateFingerprint.Of(presented) == published;

    /// <summary>
    /// Caller side: what to audit when the issuer's gateway presented <paramref name="presented"/>
    /// instead of the published certificate (the issuer has not published its current certificate,
    /// or someone is in the way). Not for the officer: see <see cref="PeerLinkException.OfficerAnswer"/>.
    /// </summary>
    public static string UntrustedServer(Bytes32 presented, Bytes32 published) =>
        $"presented certificate {CertificateFingerprint.Text(presented)}, the directory says {CertificateFingerprint.Text(published)}; not trusted";

    /// <summary>
    /// Issuer side: null when the connection's client certificate is the gateway
    /// <paramref name="authority"/> published; otherwise the PERMISSION_DENIED refusal.
    /// </summary>
    public static LedgerError? CheckClient(X509Certificate2? clientCertificate, Address authority, Bytes32 published)
    {
        if (clientCertificate is null)
            return LedgerError.PermissionDenied("the peer endpoint requires the calling gateway's certificate");
        if (published.IsZero)
        {
            return LedgerError.PermissionDenied(
                $"authority {authority.ToChecksumHex()} has no gateway published on chain; its issuer publishes it (publishGateway) before it can fetch documents");
        }
        var presented = CertificateFingerprint.Of(clientCertificate);
        return presented == published
            ? null
            : LedgerError.PermissionDenied(
                $"the client certificate {CertificateFingerprint.Text(presented)} is not the gateway authority {authority.ToChecksumHex()} "
                + $"published ({CertificateFingerprint.Text(published)})");
    }
}
