using Ledger.Network.Definition;
using Ledger.Network.Keys;
using Nethereum.Signer;

namespace Ledger.Network.Generation;

/// <summary>The keys of one founding authority: its own account, its two nodes, and its agencies' accounts.</summary>
/// <param name="Definition">What the network definition says of it.</param>
/// <param name="Account">The issuer's authority key (signs its permits and votes).</param>
/// <param name="Node">Its validator node's block-signing key, separate from every authority key.</param>
/// <param name="FullNode">Its non-validating full node's key: in no validator set, so it never signs a block.</param>
/// <param name="Agencies">Each agency's key, in definition order.</param>
public sealed record AuthorityKeys(AuthorityDefinition Definition, EthECKey Account, NodeIdentity Node, NodeIdentity FullNode, IReadOnlyList<(AgencyDefinition Agency, EthECKey Key)> Agencies)
{
    /// <summary>Ids and addresses only: keys stay out of logs.</summary>
    public override string ToString() => $"{Definition.Id} ({Account.GetPublicAddress()}, {Node}, full {FullNode})";
}

/// <summary>Every key of a network, drawn once from a <see cref="KeySource"/>.</summary>
public sealed class NetworkKeys
{
    private NetworkKeys(IReadOnlyList<AuthorityKeys> authorities, EthECKey genesisBuilder)
    {
        Authorities = authorities;
        GenesisBuilder = genesisBuilder;
    }

    /// <summary>The founding authorities' keys, in definition order.</summary>
    public IReadOnlyList<AuthorityKeys> Authorities { get; }

    /// <summary>
    /// The throw-away account that deploys the registries on a scratch chain to compute the
    /// genesis state. Its address appears nowhere in the genesis, and it has no power on the network.
    /// </summary>
    public EthECKey GenesisBuilder { get; }

    /// <summary>Draws every key of <paramref name="network"/>.</summary>
    public static NetworkKeys Draw(NetworkDefinition network, KeySource keys)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(keys);
        var authorities = network.Authorities.Select(authority => new AuthorityKeys(
            authority,
            keys.Key($"authority/{authority.Id}"),
            new NodeIdentity(keys.Key($"node/{authority.Id}")),
            new NodeIdentity(keys.Key(FullNodeKeyLabel(authority.Id))),
            authority.Agencies.Select(agency => (agency, keys.Key($"authority/{agency.Id}"))).ToArray())).ToArray();
        return new NetworkKeys(authorities, keys.Key("genesis-builder"));
    }

    /// <summary>The label an authority's full node key is drawn under (a founder's and a newcomer's alike).</summary>
    public static string FullNodeKeyLabel(string authorityId) => $"fullnode/{authorityId}";
}
