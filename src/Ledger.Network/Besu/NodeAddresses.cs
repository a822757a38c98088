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
/// Two networks per node. On p2p (nodes only) validator i is at 172.16.239.(10 + i), below the
/// subnet's upper half, <see cref="P2pDynamicRange"/>, which is where Docker hands out every
/// dynamic address on it (compose's ipam ip_range). Full nodes have no fixed p2p address: only
/// validators are dialled (static-nodes.json names them alone), a full node dials out, so it
/// takes a dynamic one, which can never be a validator's, whatever the authority count. (A
/// fixed block per role in one /24 is what let authority 10's validator take authority 0's
/// full node's address.) On the authority's own network, 172.16.(100 + i).0/24, which only
/// that authority's containers join, its validator is at .10 and its full node at .20; the
/// node's JSON-RPC and metrics listen on that address alone, so no node of another authority
/// (which meets it on p2p) reaches them. Its gateway has a fixed address there too, .30, where
/// its metrics listener serves the authority's own Prometheus (and nobody on the gateways'
/// network). That network hands out dynamic addresses (its Redis') only from its upper half,
/// <see cref="AuthorityDynamicRange"/>.
/// All stay inside 172.16.0.0/16, which Docker's default address pools (172.17-172.31, 192.168)
/// do not hand out to other networks.
/// </remarks>
public static class NodeAddresses
{
    private const string P2pPrefix = "172.16.239.";

    // Validators from .10 up to the last address below the dynamic upper half (.128/25).
    private const int FirstValidatorHost = 10;
    private const int FirstDynamicHost = 128;

    // The gateway's host number on its authority network, after its validator's (.10) and full node's (.20).
    private const int GatewayHostNumber = 30;

    /// <summary>
    /// How many authorities the plan holds (indices 0 to 117): one validator address each between p2p's .10
    /// and .127. The authorities' own subnets, 172.16.100.0/24 to 172.16.217.0/24, stay clear of p2p's.
    /// </summary>
    public const int MaximumAuthorities = FirstDynamicHost - FirstValidatorHost;

    /// <summary>The p2p network's subnet.</summary>
    public const string P2pSubnet = P2pPrefix + "0/24";

    /// <summary>The range p2p's dynamic addresses (the full nodes') come from: its upper half, clear of the validators' fixed ones.</summary>
    public const string P2pDynamicRange = P2pPrefix + "128/25";

    /// <summary>Whether the plan has addresses for the authority at <paramref name="index"/>.</summary>
    public static bool Holds(int index) => index is >= 0 and < MaximumAuthorities;

    /// <summary>The validator's address on the p2p network of the authority at <paramref name="index"/>: what static-nodes.json names.</summary>
    public static string ValidatorOnP2p(int index) => P2pPrefix + Number(FirstValidatorHost + CheckIndex(index));

    /// <summary>The subnet of the network of the authority at <paramref name="index"/>.</summary>
    public static string AuthoritySubnet(int index) => AuthorityPrefix(index) + "0/24";

    /// <summary>The range its dynamic addresses come from: the upper half of <see cref="AuthoritySubnet"/>, clear of the nodes' fixed ones.</summary>
    public static string AuthorityDynamicRange(int index) => AuthorityPrefix(index) + "128/25";

    /// <summary>The address of its <paramref name="role"/> node on its own network: where that node's JSON-RPC and metrics listen.</summary>
    public static string OnAuthorityNetwork(int index, BesuNodeRole role) => AuthorityPrefix(index) + Number(HostNumber(role));

    /// <summary>
    /// The address of its gateway on its own network: where the gateway's metrics listener listens,
    /// for the authority's own Prometheus (not on the gateways' network, where the other authorities' gateways are).
    /// </summary>
    public static string GatewayOnAuthorityNetwork(int index) => AuthorityPrefix(index) + Number(GatewayHostNumber);

    private static string AuthorityPrefix(int index) => "172.16." + Number(100 + CheckIndex(index)) + ".";

    private static int HostNumber(BesuNodeRole role) => role switch
    {
        BesuNodeRole.Validator => 10,
        BesuNodeRole.FullNode => 20,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a node role"),
    };

    // The definition's rules (founders) and NewcomerIndex.Check (`network join`) refuse such an index first, with the reason; this is the last guard.
    private static int CheckIndex(int index) => Holds(index)
        ? index
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"an authority's index is between 0 and {MaximumAuthorities - 1}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
