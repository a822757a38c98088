using System.Net;
using Ledger.Gateway.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Observability;

/// <summary>
/// The operators' metrics listener (<see cref="ObservabilityOptions.MetricsListenAddress"/>): plain
/// HTTP/1.1, which Prometheus scrapes, serving <c>/metrics</c> and nothing else. It is a
/// <see cref="DedicatedListener"/>: <c>/metrics</c> is served here and nowhere else, and no other
/// endpoint is served here. The options validator has already kept it on loopback or on a declared
/// private address.
/// </summary>
public sealed class MetricsListener
{
    /// <summary>The listener's name (see <see cref="DedicatedListener"/>).</summary>
    public const string ListenerName = "metrics";

    private ListenOptions? _listen;

    /// <summary>The bound local endpoint (its port is the real one once Kestrel has started), or null when there is none.</summary>
    public IPEndPoint? BoundEndPoint => _listen?.IPEndPoint;

    internal void Listen(KestrelServerOptions kestrel, ObservabilityOptions options)
    {
        if (!options.HasListener)
            return;
        kestrel.Listen(IPAddress.Parse(options.MetricsListenAddress), options.MetricsPort, listen =>
        {
            _listen = listen;
            DedicatedListener.Mark(listen, ListenerName);
            listen.Protocols = HttpProtocols.Http1;
        });
    }
}
