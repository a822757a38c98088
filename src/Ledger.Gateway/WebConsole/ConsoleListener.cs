using System.Net;
using Ledger.Console.Hosting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// The console's own Kestrel endpoint, beside the API's: in Production TLS 1.3 with the gateway's
/// certificate and client certificates allowed (the public page needs none; every other page's
/// policy requires a mapped one); in Devnet plain HTTP/1.1 on loopback, which browsers speak.
/// It is a <see cref="DedicatedListener"/>: console pages are served here and nowhere else.
/// </summary>
public sealed class ConsoleListener
{
    /// <summary>The listener's name (see <see cref="DedicatedListener"/>).</summary>
    public const string ListenerName = "console";

    private ListenOptions? _listen;
    private bool _tls;

    /// <summary>The console's address once the server has bound it (port 0 resolved), e.g. http://127.0.0.1:6081/.</summary>
    public Uri? Address => _listen?.IPEndPoint is { } bound
        ? new Uri($"{(_tls ? "https" : "http")}://{FormatHost(bound)}/")
        : null;

    internal void Listen(KestrelServerOptions kestrel)
    {
        var services = kestrel.ApplicationServices;
        var gateway = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var console = services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        kestrel.Listen(IPAddress.Parse(console.ListenAddress), console.Port, listen =>
        {
            _listen = listen;
            DedicatedListener.Mark(listen, ListenerName);
            if (gateway.Mode == GatewayMode.Devnet)
            {
                listen.Protocols = HttpProtocols.Http1;
                return;
            }
            _tls = true;
            listen.UseLedgerTls(services.GetRequiredService<ServerCertificateProvider>(), services.GetRequiredService<TrustedCertificateAuthorities>(),
                ClientCertificateMode.AllowCertificate);
        });
    }

    private static string FormatHost(IPEndPoint bound) =>
        bound.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bound.Address}]:{bound.Port}" : $"{bound.Address}:{bound.Port}";
}
