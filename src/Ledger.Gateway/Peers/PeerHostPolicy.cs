using System.Net;
using System.Net.Sockets;
using Ledger.Gateway.Hosting;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Which addresses this gateway may connect to when it calls the gateway an issuer published on
/// chain. The URL is the issuer's choice, so without this rule an issuer could have this gateway
/// open connections inside its operator's network. Public addresses are always allowed (that is
/// where other authorities' gateways are); a non-public one (<see cref="NonPublicAddresses"/>)
/// only when this deployment lists it in <see cref="PeerOptions.AllowedGatewayHosts"/>: by the
/// exact host name of the published URL (then whatever that name resolves to), or by an IP
/// address or CIDR range containing the address connected to. In Devnet mode loopback is allowed
/// without a listing, since every devnet gateway listens on 127.0.0.1; other private ranges are not.
/// </summary>
public sealed class PeerHostPolicy
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _ranges = [];

    /// <summary>The policy of <paramref name="allowedHosts"/> (entries as <see cref="PeerOptions.AllowedGatewayHosts"/> takes them).</summary>
    /// <param name="allowedHosts">Host names, IP addresses and CIDR ranges.</param>
    /// <param name="allowLoopback">True to allow loopback addresses without a listing (Devnet mode).</param>
    /// <exception cref="ArgumentException">An entry is none of those (the options validator refuses it at startup first).</exception>
    public PeerHostPolicy(IEnumerable<string> allowedHosts, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        foreach (var entry in allowedHosts)
        {
            if (EntryProblem(entry) is { } problem)
                throw new ArgumentException(problem, nameof(allowedHosts));
            if (TryParseRange(entry, out var range))
                _ranges.Add(range);
            else
                _names.Add(Normalise(entry));
        }
        AllowsLoopback = allowLoopback;
        if (allowLoopback)
            _ranges.AddRange(NonPublicAddresses.Loopback);
    }

    /// <summary>The policy the options give: their listing, and loopback when the gateway runs in Devnet mode.</summary>
    public static PeerHostPolicy For(PeerOptions peers, GatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(gateway);
        return new PeerHostPolicy(peers.AllowedGatewayHosts, allowLoopback: gateway.Mode == GatewayMode.Devnet);
    }

    /// <summary>True when loopback addresses are allowed without a listing (Devnet mode).</summary>
    public bool AllowsLoopback { get; }

    /// <summary>True when <paramref name="host"/> (a URL's host) is listed by name: its resolution is the operator's, and trusted.</summary>
    public bool AllowsName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _names.Contains(Normalise(host));
    }

    /// <summary>
    /// Null when a connection to <paramref name="address"/> is allowed (a public address, or one
    /// in a listed range); otherwise why not, for the audit log.
    /// </summary>
    public string? RefusalOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (NonPublicAddresses.KindOf(address) is not { } kind)
            return null;
        var reached = NonPublicAddresses.Reached(address);
        foreach (var range in _ranges)
        {
            if (range.Contains(reached) || range.Contains(address))
                return null;
        }
        return $"{address} is a {kind} address, not in Peers:AllowedGatewayHosts";
    }

    /// <summary>Null when <paramref name="entry"/> is a valid <see cref="PeerOptions.AllowedGatewayHosts"/> entry; otherwise what is wrong with it.</summary>
    public static string? EntryProblem(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
            return "Peers:AllowedGatewayHosts has an empty entry.";
        if (TryParseRange(entry, out var range))
        {
            return range.PrefixLength == 0
                ? $"Peers:AllowedGatewayHosts entry '{entry}' allows every address, which switches the check off; list the ranges the other gateways are in."
                : null;
        }
        if (IsHostName(entry))
            return null;
        return $"Peers:AllowedGatewayHosts entry '{entry}' is neither a host name (gateway-fr, gw.example.org) nor an IP address or CIDR range "
            + "(10.20.0.0/16: the range's first address, no host bits set); give no scheme, port or path.";
    }

    // An address written in full (10.20.0.5, fd00::1; not "10.1", which IPAddress reads as 10.0.0.1),
    // alone or as a range whose address is its first (10.20.0.0/16, not 10.20.1.5/16, which would be widened silently).
    private static bool TryParseRange(string entry, out IPNetwork range)
    {
        range = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var text = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(text, out var address) || !IsWrittenInFull(text, address))
            return false;
        if (slash < 0)
        {
            range = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(entry, out range) && range.BaseAddress.Equals(address);
    }

    private static bool IsWrittenInFull(string text, IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork
        ? address.ToString() == text
        : text.Contains(':', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal) && !text.Contains('%', StringComparison.Ordinal);

    // Uri's own rule for DNS names (it calls "10.1" an IPv4 address, so that is no name either).
    private static bool IsHostName(string entry) => Uri.CheckHostName(entry) == UriHostNameType.Dns;

    // "Gateway-FR." and "gateway-fr" are the same host.
    private static string Normalise(string host) => host.TrimEnd('.');
}
