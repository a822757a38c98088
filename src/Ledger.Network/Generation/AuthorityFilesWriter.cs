using System.Text.Json.Nodes;
using Ledger.Network.Besu;
using Ledger.Network.Keys;
using Ledger.Network.Tls;
using Nethereum.KeyStore.Model;
using Nethereum.Signer;

namespace Ledger.Network.Generation;

/// <summary>
/// Writes the files one authority alone receives, the same for a founder (generated with the
/// network) and a newcomer (generated on its own machine): its validator's and its full node's
/// keys, facts and Besu configs, keystores of its account and its agencies', the key its gateway seals documents with, and
/// gateway settings naming only those keys.
/// </summary>
internal static class AuthorityFilesWriter
{
    /// <summary>An AES-256 key.</summary>
    private const int DocumentKeyBytes = 32;

    /// <summary>Writes them into <paramref name="folder"/>.</summary>
    /// <param name="folder">The authority's folder.</param>
    /// <param name="id">The authority's id.</param>
    /// <param name="index">Its place among the network's authorities (founders in network.json's order, a newcomer next): its nodes' addresses (<see cref="NodeAddresses"/>).</param>
    /// <param name="node">Its validator node.</param>
    /// <param name="fullNode">Its non-validating full node, its gateway's second node.</param>
    /// <param name="accounts">Its account first, then its agencies': (id, key).</param>
    /// <param name="keys">The source of keystore salts and IVs.</param>
    /// <param name="password">The keystores' password; also written beside them when <paramref name="writePassword"/> (devnet).</param>
    /// <param name="writePassword">True on a devnet only.</param>
    /// <param name="scrypt">Keystore cost.</param>
    /// <param name="registries">Where the registries are.</param>
    /// <param name="receiptTimeout">How long its gateway's writes wait for a block.</param>
    /// <param name="clients">The client certificates its gateway maps to its accounts (a devnet's; none for a newcomer, which adds its own PKI's).</param>
    /// <param name="authorityNetworkIsPrivate">
    /// True for the compose sample, whose authority networks are internal Docker networks: the
    /// gateway settings declare the plain links on it private. False for a newcomer, whose operator decides.
    /// </param>
    /// <param name="peerGatewayHosts">The other gateways' host names its gateway may call on non-public addresses (the sample's; none for a newcomer).</param>
    public static void Write(AuthorityFolder folder, string id, int index, NodeIdentity node, NodeIdentity fullNode, IReadOnlyList<(string Id, EthECKey Key)> accounts, KeySource keys,
        string password, bool writePassword, ScryptParams scrypt, RegistryAddresses registries, TimeSpan receiptTimeout,
        IEnumerable<ClientCertificateEntry> clients, bool authorityNetworkIsPrivate, IEnumerable<string> peerGatewayHosts)
    {
        // Built before any file is written: an index without addresses fails here and leaves the folder as it was.
        var validatorConfig = BesuNodeConfig.Build(id, BesuNodeRole.Validator, NetworkGenerator.NodeHost(id), NodeAddresses.OnAuthorityNetwork(index, BesuNodeRole.Validator));
        var fullNodeConfig = BesuNodeConfig.Build(id, BesuNodeRole.FullNode, NetworkGenerator.FullNodeHost(id), NodeAddresses.OnAuthorityNetwork(index, BesuNodeRole.FullNode));
        GeneratedFiles.Write(folder.NodeKey, node.PrivateKeyFileText() + "\n");
        GeneratedFiles.Write(folder.NodeInfo, NodeFacts(id, "validator", node));
        GeneratedFiles.Write(folder.BesuConfig, validatorConfig);
        GeneratedFiles.Write(folder.FullNodeKey, fullNode.PrivateKeyFileText() + "\n");
        GeneratedFiles.Write(folder.FullNodeInfo, NodeFacts(id, "fullNode", fullNode));
        GeneratedFiles.Write(folder.FullNodeBesuConfig, fullNodeConfig);
        foreach (var (accountId, key) in accounts)
            GeneratedFiles.Write(folder.Keystore(accountId), KeystoreWriter.ToJson(key, password, keys, accountId, scrypt) + "\n");
        if (writePassword)
            GeneratedFiles.Write(folder.KeystorePassword, password + "\n");
        GeneratedFiles.WriteSecret(folder.DocumentKey, Convert.ToBase64String(keys.Bytes($"documents/{id}", DocumentKeyBytes)) + "\n");
        GeneratedFiles.Write(folder.GatewaySettings, GatewaySettingsFile.Build(
            id, index, accounts.Select(a => (a.Id, a.Key.GetPublicAddress())), registries, receiptTimeout, clients, authorityNetworkIsPrivate, peerGatewayHosts));
    }

    private static string NodeFacts(string authorityId, string role, NodeIdentity node) => new JsonObject
    {
        ["authority"] = authorityId,
        [role] = node.Address,
        ["enodePublicKey"] = node.PublicKeyHex,
    }.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
}
