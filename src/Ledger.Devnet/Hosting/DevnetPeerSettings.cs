using System.Globalization;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The peer endpoint of a devnet gateway (gateway to gateway, always TLS, even on the devnet),
/// with the gateway's own self-signed peer certificate from the state folder. The document
/// store's settings are <see cref="DevnetDocumentStore"/>'s.
/// </summary>
public static class DevnetPeerSettings
{
    /// <summary>The settings to add to the gateway's; <paramref name="peerPort"/> 0 = any free port.</summary>
    public static Dictionary<string, string?> Build(string authorityId, string stateFolder, int peerPort)
    {
        var (certificate, key) = DevnetPeerCertificate.Ensure(stateFolder, authorityId);
        return new Dictionary<string, string?>
        {
            ["Peers:ListenAddress"] = "127.0.0.1",
            ["Peers:Port"] = peerPort.ToString(CultureInfo.InvariantCulture),
            ["Peers:CertificateFile"] = certificate,
            ["Peers:KeyFile"] = key,
        };
    }
}
