namespace Ledger.Network.Generation;

/// <summary>
/// Where each generated file lives under a chain-config folder. One folder per authority holds
/// what that authority alone receives: its node key, its keystores, its Besu and gateway settings.
/// </summary>
/// <param name="Root">The chain-config folder.</param>
public sealed record NetworkLayout(string Root)
{
    /// <summary>The network definition (input, written by people).</summary>
    public string Definition => Path.Combine(Root, "network.json");

    /// <summary>The QBFT genesis every node starts from.</summary>
    public string Genesis => Path.Combine(Root, "genesis.json");

    /// <summary>The founders' validators as enode URLs.</summary>
    public string StaticNodes => Path.Combine(Root, "static-nodes.json");

    /// <summary>Where the registries are and who founded the network (public facts, for gateways and tools).</summary>
    public string Registries => Path.Combine(Root, "registries.json");

    /// <summary>The folder of one authority.</summary>
    public string Authority(string id) => Path.Combine(Root, "authorities", id);

    /// <summary>The node's private key file (Besu's format).</summary>
    public string NodeKey(string id) => Path.Combine(Authority(id), "node", "key");

    /// <summary>The node's public facts: validator address and enode public key.</summary>
    public string NodeInfo(string id) => Path.Combine(Authority(id), "node", "node.json");

    /// <summary>The node's Besu configuration.</summary>
    public string BesuConfig(string id) => Path.Combine(Authority(id), "node", "config.toml");

    /// <summary>The keystore of an authority or agency account, in its issuer's folder.</summary>
    public string Keystore(string authorityId, string accountId) => Path.Combine(Authority(authorityId), "keystores", accountId + ".json");

    /// <summary>The keystore password file of an authority (devnet only: a real authority keeps it in a secret store).</summary>
    public string KeystorePassword(string authorityId) => Path.Combine(Authority(authorityId), "keystores", "password.txt");

    /// <summary>The gateway's settings, holding only this authority's keys.</summary>
    public string GatewaySettings(string id) => Path.Combine(Authority(id), "gateway", "appsettings.json");
}
