using System.Globalization;
using Ledger.Devnet.Chain;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The configuration the devnet hands the in-process gateway: Devnet mode on loopback, one
/// dev identity per demo officer, Redis if running, and the Chain section (node, deployment
/// record, every demo authority's keystore).
/// </summary>
public static class GatewayConfiguration
{
    /// <summary>The dev identity that may only read (verify, history, lists).</summary>
    public const string ReadOnlyIdentity = "readonly";

    /// <summary>Builds the settings.</summary>
    /// <param name="port">Gateway port (0 = any free port).</param>
    /// <param name="rpcUrl">The node.</param>
    /// <param name="keyring">The demo authorities and their keystores.</param>
    /// <param name="deploymentRecordFile">Where the deployment record was written.</param>
    /// <param name="deploymentBlock">First block the gateway's event follower reads.</param>
    /// <param name="redis">Redis configuration string; null to run on in-memory stores.</param>
    /// <param name="stateFolder">Folder for checkpoints.</param>
    public static Dictionary<string, string?> Build(
        int port, Uri rpcUrl, DevnetKeyring keyring, string deploymentRecordFile, ulong deploymentBlock, string? redis, string stateFolder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:ListenAddress"] = "127.0.0.1",
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Redis:Configuration"] = redis ?? "",
            ["Stores:CheckpointDirectory"] = Path.Combine(stateFolder, "checkpoints"),
            ["Chain:RpcUrls:0"] = rpcUrl.ToString(),
            ["Chain:DeploymentRecordFile"] = deploymentRecordFile,
            ["Chain:FollowerStartBlock"] = deploymentBlock.ToString(CultureInfo.InvariantCulture),
            ["Chain:ReceiptPollInterval"] = "00:00:00.100",
            ["Chain:FollowerPollInterval"] = "00:00:00.500",
        };
        for (var i = 0; i < keyring.Authorities.Count; i++)
        {
            var authority = keyring.Authorities[i];
            var role = authority.Kind == DevnetAuthorityKind.Customs ? "CustomsOfficer" : "IssuingOfficer";
            settings[$"Identity:DevIdentities:{authority.Identity}:Authority"] = authority.Address.ToString();
            settings[$"Identity:DevIdentities:{authority.Identity}:Role"] = role;
            settings[$"Chain:Keystores:{i}:Account"] = authority.Address.ToString();
            settings[$"Chain:Keystores:{i}:KeystorePath"] = keyring.KeystorePath(authority.Identity);
            settings[$"Chain:Keystores:{i}:PasswordFile"] = keyring.PasswordFile;
        }
        // An observer: reads as the CH management authority, writes nothing.
        settings[$"Identity:DevIdentities:{ReadOnlyIdentity}:Authority"] = keyring["ch-issuer"].Address.ToString();
        settings[$"Identity:DevIdentities:{ReadOnlyIdentity}:Role"] = "ReadOnly";
        return settings;
    }
}
