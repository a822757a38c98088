using System.Net;
using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>The one Kestrel endpoint of the gateway.</summary>
public static class KestrelEndpointExtensions
{
    /// <summary>
    /// Listens on <see cref="GatewayOptions.ListenAddress"/>:<see cref="GatewayOptions.Port"/>:
    /// mutual TLS 1.3 in Production mode; plain HTTP/2 (prior knowledge, as gRPC clients
    /// speak it) in Devnet mode, where the options validator has already insisted on loopback.
    /// Without TLS there is no ALPN to choose between HTTP/1.1 and HTTP/2 (Kestrel then
    /// speaks only HTTP/1.1 and gRPC fails), so Devnet is HTTP/2 only: JSON clients use
    /// <c>curl --http2-prior-knowledge</c> there.
    /// </summary>
    public static void ListenForLedgerGateway(this KestrelServerOptions kestrel)
    {
        var services = kestrel.ApplicationServices;
        var gateway = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var address = IPAddress.Parse(gateway.ListenAddress);
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBytes;
        if (gateway.Mode == GatewayMode.Devnet)
        {
            kestrel.Listen(address, gateway.Port, listen => listen.Protocols = HttpProtocols.Http2);
            return;
        }
        var serverCertificate = services.GetRequiredService<ServerCertificateProvider>();
        var trusted = services.GetRequiredService<TrustedCertificateAuthorities>();
        kestrel.Listen(address, gateway.Port, listen => listen.UseLedgerTls(serverCertificate, trusted));
    }
}
