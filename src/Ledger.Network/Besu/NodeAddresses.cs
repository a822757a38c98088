using System.Globalization;

namespace Ledger.Network.Besu;

/// <summary>
/// The fixed IPv4 addresses of the sample network's nodes, derived from the authority's index
/// in network.json (0 for the first founder; a newcomer takes the next one). The one source of
/// them: static-nodes.json and each node's config.toml are generated from it, the container
/// tests build their networks from it, and docker-compose.yml spells out the same numbers
/// (ComposeFileTests holds it to them).
/// </summary>
/// <remarks>
/// Two networks per node. On p2p (nodes only) validator i is at 172.16.239.(10 + i) and its
/// authority's full node at .(20 + i). On the authority's own network, 172.16.(100 + i).0/24,
/// which only that authority's containers join, its validator is at .10 and its full node at
/// .20; the node's JSON-RPC and metrics listen on that address alone, so no node of another
/// authority (which meets it on p2p) reaches them. The authority network hands out dynamic
/// addresses (its gateway's, its Redis') only from its upper half, <see cref="AuthorityDynamicRange"/>,
/// so a container started first can never take a node's fixed address.
/// All stay inside 172.16.0.0/16, which Docker's default address pools (172.17-172.31, 192.168)
/// do not hand out to other networks.
/// </remarks>
public static class NodeAddresses
{
    private const string P2pPrefix = "172.16.239.";

    /// <summary>The p2p network's subnet.</summary>
    public const string P2pSubnet = P2pPrefix + "0/24";

    /// <summary>The address of the <paramref name="role"/> node of the authority at <paramref name="index"/> on the p2p network.</summary>
    public static string OnP2p(int index, BesuNodeRole role) => P2pPrefix + Number(HostNumber(role) + CheckIndex(index));

    /// <summary>The subnet of the network of the authority at <paramref name="index"/>.</summary>
    public static string AuthoritySubnet(int index) => AuthorityPrefix(index) + "0/24";

    /// <summary>The range its dynamic addresses come from: the upper half of <see cref="AuthoritySubnet"/>, clear of the nodes' fixed ones.</summary>
    public static string AuthorityDynamicRange(int index) => AuthorityPrefix(index) + "128/25";

    /// <summary>The address of its <paramref name="role"/> node on its own network: where that node's JSON-RPC and metrics listen.</summary>
    public static string OnAuthorityNetwork(int index, BesuNodeRole role) => AuthorityPrefix(index) + Number(HostNumber(role));

    private static string AuthorityPrefix(int index) => "172.16." + Number(100 + CheckIndex(index)) + ".";

    private static int HostNumber(BesuNodeRole role) => role switch
    {
        BesuNodeRole.Validator => 10,
        BesuNodeRole.FullNode => 20,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a node role"),
    };

    // 100 + index stays below the p2p subnet's 239 for every founder count network.json allows (at most 100).
    private static int CheckIndex(int index) => index is >= 0 and < 139
        ? index
        : throw new ArgumentOutOfRangeException(nameof(index), index, "an authority's index is between 0 and 138");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
