using System.Net;
using System.Security.Authentication;
using Ledger.Gateway.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>
/// The peer listener: mutual TLS 1.3 with this gateway's peer certificate, HTTP/2 only, any
/// client certificate admitted to the handshake (no CA on this link: the peer service checks the
/// certificate against the directory entry of the authority the caller claims). It is a
/// <see cref="DedicatedListener"/>: it serves only the peer service, which is served nowhere else.
/// </summary>
public sealed class PeerEndpoint
{
    /// <summary>The listener's name (see <see cref="DedicatedListener"/>).</summary>
    public const string ListenerName = "peers";

    private ListenOptions? _listen;

    /// <summary>The bound local endpoint (its port is the real one once Kestrel has started), or null before binding.</summary>
    public IPEndPoint? BoundEndPoint => _listen?.IPEndPoint;

    internal void Listen(KestrelServerOptions kestrel, PeerOptions peers, GatewayOptions gateway, PeerCertificate certificate)
    {
        var address = IPAddress.Parse(peers.ListenAddress.Length > 0 ? peers.ListenAddress : gateway.ListenAddress);
        kestrel.Listen(address, peers.Port, listen =>
        {
            _listen = listen;
            DedicatedListener.Mark(listen, ListenerName);
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(https =>
            {
                https.SslProtocols = SslProtocols.Tls13;
                https.ServerCertificate = certificate.Certificate;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.CheckCertificateRevocation = false;
                // Pinned per request against the on-chain directory (PeerPinning), not against a CA.
                https.ClientCertificateValidation = (_, _, _) => true;
            });
        });
    }
}
