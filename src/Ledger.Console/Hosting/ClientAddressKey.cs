using System.Net;
using System.Net.Sockets;

namespace Ledger.Console.Hosting;

/// <summary>
/// The key under which a caller without an identity is rate-limited by its address: an IPv4
/// address as itself (an IPv4-mapped IPv6 address as the IPv4 address it carries, so that a
/// dual-stack listener does not give one client two keys), an IPv6 address by its /64 network.
/// A subscriber is routinely given a whole /64 and may take a fresh address in it for every
/// request (privacy extensions do so on their own), so a key per full IPv6 address would give
/// one client as many allowances as it cares to use.
/// </summary>
public static class ClientAddressKey
{
    /// <summary>The IPv6 prefix one subscriber is assumed to control.</summary>
    public const int Ipv6PrefixLength = 64;

    /// <summary>The key of the caller at <paramref name="address"/>, e.g. "192.0.2.7" or "2001:db8:1:2::/64"; "(unknown)" without one.</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
            return "(unknown)";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        // Clearing the interface identifier also drops the scope id: a link-local caller's /64 is fe80::/64 whatever its interface.
        bytes[(Ipv6PrefixLength / 8)..].Clear();
        return new IPNetwork(new IPAddress(bytes), Ipv6PrefixLength).ToString();
    }
}
