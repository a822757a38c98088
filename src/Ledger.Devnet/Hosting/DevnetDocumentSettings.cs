using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The document exchange settings of a devnet gateway: a SQLite document store in the state
/// folder, sealed with a key derived from the authority id (public: devnet only), and the peer
/// endpoint, always TLS, with the gateway's own self-signed peer certificate.
/// </summary>
public static class DevnetDocumentSettings
{
    /// <summary>The settings to add to the gateway's; <paramref name="peerPort"/> 0 = any free port.</summary>
    public static Dictionary<string, string?> Build(string authorityId, string stateFolder, int peerPort)
    {
        var (certificate, key) = DevnetPeerCertificate.Ensure(stateFolder, authorityId);
        var documentKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("ledger devnet document key/" + authorityId)));
        return new Dictionary<string, string?>
        {
            ["Documents:Provider"] = "Sqlite",
            ["Documents:SqlitePath"] = Path.Combine(stateFolder, authorityId, "documents.sqlite"),
            ["Documents:ActiveKeyId"] = "devnet",
            ["Documents:EncryptionKeys:devnet"] = documentKey,
            ["Peers:ListenAddress"] = "127.0.0.1",
            ["Peers:Port"] = peerPort.ToString(CultureInfo.InvariantCulture),
            ["Peers:CertificateFile"] = certificate,
            ["Peers:KeyFile"] = key,
        };
    }
}
