namespace Ledger.Network.Generation;

/// <summary>Where each generated file lives under a chain-config folder.</summary>
/// <param name="Root">The chain-config folder.</param>
public sealed record NetworkLayout(string Root)
{
    /// <summary>The network definition (input, written by people).</summary>
    public string Definition => Path.Combine(Root, "network.json");

    /// <summary>The QBFT genesis every node starts from.</summary>
    public string Genesis => Path.Combine(Root, "genesis.json");

    /// <summary>The founders' validators as enode URLs.</summary>
    public string StaticNodes => Path.Combine(Root, "static-nodes.json");

    /// <summary>Where the registries are and who founded the network (public facts, for gateways, tools and newcomers).</summary>
    public string Registries => Path.Combine(Root, "registries.json");

    /// <summary>The devnet CA's certificate (DEVNET ONLY: its key is derived from the public seed).</summary>
    public string CaCertificate => Path.Combine(Root, "tls", "ca.crt");

    /// <summary>The devnet CA's private key (DEVNET ONLY).</summary>
    public string CaKey => Path.Combine(Root, "tls", "ca.key");

    /// <summary>The folder of one authority.</summary>
    public AuthorityFolder Authority(string id) => new(Path.Combine(Root, "authorities", id));
}

/// <summary>
/// The files of one authority: what that authority alone receives (its node key, its keystores,
/// its Besu and gateway settings). A founder's folder sits in chain-config/authorities/; a
/// newcomer generates its own on its own machine.
/// </summary>
/// <param name="Folder">The authority's folder.</param>
public sealed record AuthorityFolder(string Folder)
{
    /// <summary>The node's private key file (Besu's format).</summary>
    public string NodeKey => Path.Combine(Folder, "node", "key");

    /// <summary>The node's public facts: validator address and enode public key.</summary>
    public string NodeInfo => Path.Combine(Folder, "node", "node.json");

    /// <summary>The node's Besu configuration.</summary>
    public string BesuConfig => Path.Combine(Folder, "node", "config.toml");

    /// <summary>Its full node's private key file (Besu's format): a key of its own, in no validator set.</summary>
    public string FullNodeKey => Path.Combine(Folder, "fullnode", "key");

    /// <summary>Its full node's public facts: address and enode public key.</summary>
    public string FullNodeInfo => Path.Combine(Folder, "fullnode", "node.json");

    /// <summary>Its full node's Besu configuration.</summary>
    public string FullNodeBesuConfig => Path.Combine(Folder, "fullnode", "config.toml");

    /// <summary>The keystore of the authority's or one of its agencies' account.</summary>
    public string Keystore(string accountId) => Path.Combine(Folder, "keystores", accountId + ".json");

    /// <summary>The keystore password file (devnet only: a real authority keeps it in a secret store).</summary>
    public string KeystorePassword => Path.Combine(Folder, "keystores", "password.txt");

    /// <summary>The gateway's settings, holding only this authority's keys.</summary>
    public string GatewaySettings => Path.Combine(Folder, "gateway", "appsettings.json");

    /// <summary>
    /// The key the gateway seals its documents with at rest (base64, mode 0600; mounted as the
    /// compose secret /run/secrets/document-key). A devnet's is derived from the public seed.
    /// </summary>
    public string DocumentKey => Path.Combine(Folder, "gateway", "documents.key");

    /// <summary>The gateway's TLS server certificate (mounted at /config/tls/gateway.crt).</summary>
    public string GatewayCertificate => Path.Combine(Folder, "tls", "gateway.crt");

    /// <summary>The gateway's TLS private key (mounted at /config/tls/gateway.key).</summary>
    public string GatewayKey => Path.Combine(Folder, "tls", "gateway.key");

    /// <summary>The CA the gateway trusts for client certificates (mounted at /config/tls/ca.crt).</summary>
    public string TrustedCa => Path.Combine(Folder, "tls", "ca.crt");

    /// <summary>An officer's client certificate (for the CLI or a national system; never mounted into the gateway).</summary>
    public string OfficerCertificate(string officer) => Path.Combine(Folder, "tls", "officers", officer + ".crt");

    /// <summary>An officer's client private key.</summary>
    public string OfficerKey(string officer) => Path.Combine(Folder, "tls", "officers", officer + ".key");

    /// <summary>A newcomer's admission proposal, for an existing issuer to submit.</summary>
    public string Proposal => Path.Combine(Folder, "proposal.json");
}
