using System.Net;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;
using StackExchange.Redis;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// The links a gateway uses without TLS to another machine. Whoever sits on such a link reads and
/// changes what crosses it: a node's answer (a forged VALID verification) or a cached
/// verification in Redis. A Production gateway refuses each one at startup unless the operator
/// declares it a private network (one only this authority's own machines share); loopback never
/// leaves the machine and is always allowed. The validators refuse with these, and the startup
/// report warns with them, so both see the same links.
/// </summary>
public static class PlaintextLinks
{
    /// <summary>
    /// The entries of <paramref name="rpcUrls"/> that are plain <c>http://</c> to a host other than
    /// this machine, each with its index and as scheme, host and port only (a hosted node's path
    /// often carries an API key, and these reach logs). Entries that are not URLs are left out: the
    /// options validator refuses them on their own.
    /// </summary>
    public static IReadOnlyList<(int Index, string Node)> OffMachineRpc(IReadOnlyList<string> rpcUrls)
    {
        ArgumentNullException.ThrowIfNull(rpcUrls);
        var links = new List<(int, string)>();
        for (var i = 0; i < rpcUrls.Count; i++)
        {
            if (Uri.TryCreate(rpcUrls[i], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
                links.Add((i, url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)));
        }
        return links;
    }

    /// <summary>
    /// The Redis endpoints of <paramref name="redis"/> that are not on this machine when it does not
    /// use TLS (<c>ssl=true</c>), as host:port: never the password or any other option.
    /// </summary>
    public static IReadOnlyList<string> OffMachineRedis(ConfigurationOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        return redis.Ssl ? [] : [.. redis.EndPoints.Where(endpoint => !IsLoopback(endpoint)).Select(HostAndPort)];
    }

    /// <summary>
    /// The plain links to other machines the operator has declared private, one line each naming
    /// the link and the setting that declares it (for the startup report's warnings). A link not
    /// declared is not listed: a Production gateway does not start with one.
    /// </summary>
    public static IReadOnlyList<string> Declared(GatewayChainOptions chain, RedisOptions redis, ObservabilityOptions metrics)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(metrics);
        var declared = new List<string>();
        if (chain.AllowPlaintextRpcOnPrivateNetwork)
            declared.AddRange(OffMachineRpc(chain.RpcUrls).Select(link =>
                $"node Chain:RpcUrls:{link.Index} {link.Node} (Chain:{nameof(GatewayChainOptions.AllowPlaintextRpcOnPrivateNetwork)})"));
        if (redis.AllowPlaintextOnPrivateNetwork && !string.IsNullOrWhiteSpace(redis.Configuration))
            declared.AddRange(OffMachineRedis(ConfigurationOptions.Parse(redis.Configuration)).Select(endpoint =>
                $"Redis {endpoint} (Redis:{nameof(RedisOptions.AllowPlaintextOnPrivateNetwork)})"));
        if (metrics.AllowPlaintextMetricsOnPrivateNetwork && IPAddress.TryParse(metrics.MetricsListenAddress, out var address) && !IPAddress.IsLoopback(address))
            declared.Add($"metrics listener http://{new IPEndPoint(address, metrics.MetricsPort)}/metrics " +
                $"({ObservabilityOptions.SectionName}:{nameof(ObservabilityOptions.AllowPlaintextMetricsOnPrivateNetwork)})");
        return declared;
    }

    /// <summary>True for a loopback IP address or the name <c>localhost</c>.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static bool IsLoopback(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => IPAddress.IsLoopback(ip.Address),
        DnsEndPoint dns => IsLoopbackHost(dns.Host),
        _ => false,
    };

    private static string HostAndPort(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "",
    };
}
