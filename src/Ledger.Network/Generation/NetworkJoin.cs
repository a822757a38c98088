using System.Text.Json.Nodes;
using Ledger.Network.Definition;
using Ledger.Network.Keys;

namespace Ledger.Network.Generation;

/// <summary>
/// What a new issuer generates on its own machine to join a network: its validator's and its full
/// node's keys, its and its
/// agencies' keystores, its Besu config and gateway settings, and the exact admission proposal
/// an existing issuer submits for it. Only addresses leave the machine. Its nodes' addresses come
/// from its index in the address plan, which the caller supplies (<see cref="NewcomerIndex"/>).
/// </summary>
public static class NetworkJoin
{
    /// <summary>The proposal an existing issuer submits: who, where, and the node that becomes a validator once admitted.</summary>
    /// <param name="Account">The newcomer's authority account.</param>
    /// <param name="Country">Its country.</param>
    /// <param name="Code">Its on-chain code.</param>
    /// <param name="Node">Its validator node's address.</param>
    public sealed record Proposal(string Account, string Country, string Code, string Node)
    {
        /// <summary>The `ledger` command line an issuing officer of an existing issuer runs.</summary>
        public string CommandLine => $"ledger authority propose --address {Account} --country {Country} --code {Code} --node {Node}";
    }

    /// <summary>Generates the newcomer's files under <paramref name="folder"/> and returns its proposal.</summary>
    /// <param name="network">The network's public facts.</param>
    /// <param name="newcomer">The new issuer and its agencies.</param>
    /// <param name="index">Its place in the nodes' address plan (<see cref="NewcomerIndex"/>): given by the network, or read from a node.</param>
    /// <param name="keys">Where its keys come from (random on a real network).</param>
    /// <param name="password">Password of its keystores (never written on a real network).</param>
    /// <param name="folder">Its own folder (the layout of one authority in chain-config/authorities/).</param>
    /// <exception cref="NetworkDefinitionException">The newcomer or its index cannot join; nothing is written then.</exception>
    public static Proposal Generate(PublishedNetwork network, AuthorityDefinition newcomer, int index, KeySource keys, string password, string folder)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(newcomer);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var problems = NetworkDefinitionRules.CheckNewcomer(newcomer).Concat(NewcomerIndex.Check(network, index)).ToList();
        if (problems.Count > 0)
            throw new NetworkDefinitionException($"The new authority cannot join as given:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        if (network.Authorities.Any(a => a.Id == newcomer.Id || a.Country == newcomer.Country))
            throw new NetworkDefinitionException($"The network already has an authority '{newcomer.Id}' or an issuer for {newcomer.Country}.");

        var id = newcomer.Id;
        var account = keys.Key($"authority/{id}");
        var node = new NodeIdentity(keys.Key($"node/{id}"));
        var fullNode = new NodeIdentity(keys.Key(NetworkKeys.FullNodeKeyLabel(id)));
        var accounts = newcomer.Agencies.Select(agency => (agency.Id, keys.Key($"authority/{agency.Id}"))).Prepend((id, account)).ToArray();
        var files = new AuthorityFolder(folder);
        AuthorityFilesWriter.Write(files, id, index, node, fullNode, accounts, keys, password, writePassword: keys.IsDeterministic,
            keys.IsDeterministic ? KeystoreWriter.Light : KeystoreWriter.Standard, network.Addresses, TimeSpan.FromMinutes(1), clients: [],
            // Its operator's network, not the sample's: the settings name the declarations, set to false, and the
            // gateway refuses to start until the operator moves each link to TLS or declares it private (README).
            authorityNetworkIsPrivate: false,
            // A real network's gateways are on public addresses; on a shared private network the operator lists its peers.
            peerGatewayHosts: []);

        var proposal = new Proposal(account.GetPublicAddress(), newcomer.Country, newcomer.Code, node.Address);
        GeneratedFiles.Write(files.Proposal, new JsonObject
        {
            ["network"] = network.Network,
            ["account"] = proposal.Account,
            ["country"] = proposal.Country,
            ["code"] = proposal.Code,
            ["node"] = proposal.Node,
            ["command"] = proposal.CommandLine,
        }.ToJsonString(GeneratedFiles.JsonOptions) + "\n");
        return proposal;
    }
}
