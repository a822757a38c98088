using System.Globalization;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The configuration of one authority's in-process gateway: Devnet mode on loopback, its
/// own officers' dev identities, its own Redis key prefix, checkpoints and document store (a
/// random key per gateway, see <see cref="DevnetDocumentStore"/>), and only its own and its
/// agencies' keystores. The registries come from the network's genesis.
/// </summary>
public static class GatewayConfiguration
{
    /// <summary>The console's port is the gateway's plus this (5081 → 6081).</summary>
    public const int ConsolePortOffset = 1000;

    /// <summary>The peer endpoint's port is the gateway's plus this (5081 → 7081).</summary>
    public const int PeerPortOffset = 2000;

    /// <summary>Builds the settings.</summary>
    /// <param name="authority">The authority whose gateway this is.</param>
    /// <param name="port">Port on 127.0.0.1 (0 = any free port).</param>
    /// <param name="rpcUrl">The node.</param>
    /// <param name="registries">Where the registries are (from chain-config/registries.json).</param>
    /// <param name="redis">Redis configuration string; null to run on in-memory stores.</param>
    /// <param name="stateFolder">Folder for this gateway's checkpoints and documents.</param>
    /// <remarks>
    /// The web console listens on 127.0.0.1, <see cref="ConsolePortOffset"/> above the gateway's port, and
    /// the peer endpoint <see cref="PeerPortOffset"/> above it (any free port when the gateway's is 0).
    /// </remarks>
    public static Dictionary<string, string?> Build(DevnetAuthority authority, int port, Uri rpcUrl, Network.Generation.RegistryAddresses registries, string? redis, string stateFolder)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(registries);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Ledger"] = "Information",
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:ListenAddress"] = "127.0.0.1",
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Console:ListenAddress"] = "127.0.0.1",
            ["Console:Port"] = (port == 0 ? 0 : port + ConsolePortOffset).ToString(CultureInfo.InvariantCulture),
            ["Redis:Configuration"] = redis ?? "",
            ["Stores:KeyPrefix"] = $"ledger:{authority.Id}:",
            ["Stores:CheckpointDirectory"] = Path.Combine(stateFolder, authority.Id, "checkpoints"),
            ["Chain:RpcUrls:0"] = rpcUrl.ToString(),
            ["Chain:AuthorityRegistry"] = registries.AuthorityRegistry,
            ["Chain:PermitRegistry"] = registries.PermitRegistry,
            ["Chain:FollowerStartBlock"] = "0",
            ["Chain:MaxPriorityFeePerGas"] = "0",
            ["Chain:ReceiptPollInterval"] = "00:00:00.100",
            // A permit registered elsewhere becomes visible here when the follower sees its event (a cached
            // "unknown" answer is invalidated then): at 200 ms the register-to-visible p99 missed its goal of
            // one block period + 100 ms by a few ms. One eth_blockNumber per 50 ms per gateway costs nothing.
            ["Chain:FollowerPollInterval"] = "00:00:00.050",
        };
        foreach (var (name, value) in DevnetDocumentStore.Prepare(Path.Combine(stateFolder, authority.Id)))
            settings[name] = value;
        foreach (var (name, value) in DevnetPeerSettings.Build(authority.Id, stateFolder, port == 0 ? 0 : port + PeerPortOffset))
            settings[name] = value;
        for (var i = 0; i < authority.Accounts.Count; i++)
        {
            var account = authority.Accounts[i];
            settings[$"Identity:DevIdentities:{account.Identity}:Authority"] = account.Address;
            settings[$"Identity:DevIdentities:{account.Identity}:Role"] = account.Role;
            settings[$"Chain:Keystores:{i}:Account"] = account.Address;
            settings[$"Chain:Keystores:{i}:KeystorePath"] = authority.Folder.Keystore(account.KeystoreId);
            settings[$"Chain:Keystores:{i}:PasswordFile"] = authority.Folder.KeystorePassword;
        }
        settings[$"Identity:DevIdentities:{authority.ObserverIdentity}:Authority"] = authority.Accounts[0].Address;
        settings[$"Identity:DevIdentities:{authority.ObserverIdentity}:Role"] = "ReadOnly";
        return settings;
    }
}
