using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// A devnet gateway's peer certificate: self-signed (no CA on the peer link; the fingerprint
/// published on chain is the trust), ECDSA P-256, for 127.0.0.1, kept in the devnet's state
/// folder so a restarted devnet keeps it. Devnet only: a real gateway uses its own certificate.
/// </summary>
public static class DevnetPeerCertificate
{
    /// <summary>The certificate and key files of <paramref name="authorityId"/>'s gateway, created when missing.</summary>
    public static (string CertificateFile, string KeyFile) Ensure(string stateFolder, string authorityId)
    {
        var folder = Path.Combine(stateFolder, authorityId, "peer");
        var certificateFile = Path.Combine(folder, "gateway.crt");
        var keyFile = Path.Combine(folder, "gateway.key");
        if (File.Exists(certificateFile) && File.Exists(keyFile))
            return (certificateFile, keyFile);
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=gateway-{authorityId} peer (devnet)", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(397));
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        return (certificateFile, keyFile);
    }
}
