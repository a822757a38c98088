using System.Net;

namespace Ledger.Gateway.Peers;

/// <summary>
/// The address ranges that are not the public internet: an issuer's gateway published on chain
/// at one of them would have this gateway call into its own machine, its own network or its
/// provider's (loopback, RFC 1918 and unique-local, link-local, carrier-grade NAT, unspecified,
/// multicast and reserved). Other gateways are reached on public addresses unless this
/// deployment lists them (<see cref="PeerOptions.AllowedGatewayHosts"/>).
/// </summary>
public static class NonPublicAddresses
{
    private static readonly (IPNetwork Range, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "carrier-grade NAT"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        // Class E and the limited broadcast 255.255.255.255.
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        // Deprecated site-local; still routed inside some sites.
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    // The well-known NAT64 prefix (RFC 6052): the IPv4 address in its last 32 bits is the one reached.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>The loopback ranges, 127.0.0.0/8 and ::1.</summary>
    public static IReadOnlyList<IPNetwork> Loopback { get; } = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>
    /// What kind of non-public address <paramref name="address"/> is ("private", "loopback", ...),
    /// or null for a public one. An IPv4 address written as IPv6 (<c>::ffff:10.0.0.1</c>, or behind
    /// the NAT64 prefix) is judged as the IPv4 address it reaches.
    /// </summary>
    public static string? KindOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var reached = Reached(address);
        foreach (var (range, kind) in Ranges)
        {
            if (range.Contains(reached))
                return kind;
        }
        return null;
    }

    /// <summary>The address a connection to <paramref name="address"/> reaches: the IPv4 one of a mapped or NAT64 address, else itself.</summary>
    public static IPAddress Reached(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        if (Nat64.Contains(address))
            return new IPAddress(address.GetAddressBytes().AsSpan(12));
        return address;
    }
}
