using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// A Devnet gateway answers plain HTTP on loopback and lets anyone pick an identity (a header
/// on the API, a picker on the console). A web page from elsewhere could reach it through DNS
/// rebinding: its own host name re-resolved to 127.0.0.1, which the browser then treats as the
/// page's origin. Such a request still names that host, so in Devnet mode ASP.NET Core's host
/// filtering admits only loopback host names (localhost, 127.0.0.1, [::1] and the configured
/// loopback listen addresses, any port) and answers 400 to every other name and to requests
/// without one. An IP literal cannot be rebound, so listing the listen addresses opens nothing.
/// Production (TLS with client certificates) keeps the framework's default (AllowedHosts).
/// </summary>
public static class DevnetHostFiltering
{
    /// <summary>The host names every loopback client of a Devnet gateway may use.</summary>
    public static IReadOnlyList<string> LoopbackNames { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>In Devnet mode: the loopback names and the gateway's and its peer listener's addresses (the framework's host filtering applies them).</summary>
    internal static IServiceCollection AddDevnetHostFiltering(this IServiceCollection services)
    {
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<GatewayOptions>, IOptions<Peers.PeerOptions>>((filter, gateway, peers) =>
        {
            if (gateway.Value.Mode != GatewayMode.Devnet)
                return;
            foreach (var name in LoopbackNames)
                Add(filter, name);
            AllowListenAddress(filter, gateway.Value.ListenAddress);
            // Other gateways call a devnet peer listener by the address it is published under.
            AllowListenAddress(filter, peers.Value.ListenAddress);
            filter.AllowEmptyHosts = false;
        });
        return services;
    }

    /// <summary>
    /// Admits a Devnet listener's own address as a host name (another loopback address than
    /// 127.0.0.1, say); anything that is not a loopback IP address is ignored.
    /// </summary>
    public static void AllowListenAddress(HostFilteringOptions filter, string listenAddress)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (IPAddress.TryParse(listenAddress, out var address) && IPAddress.IsLoopback(address))
            Add(filter, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
    }

    private static void Add(HostFilteringOptions filter, string host)
    {
        if (!filter.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            filter.AllowedHosts.Add(host);
    }
}
