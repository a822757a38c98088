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

    /// <summary>
    /// The largest GetPermitDocumentRequest the peer service reads, in bytes. Any client
    /// certificate passes the handshake (pinning runs in the handler, after the message is
    /// parsed), so a stranger must not make this gateway read a message of the API's size limit:
    /// a request is a permit ID (at most 256 UTF-16 characters, so at most 768 bytes in
    /// UTF-8) and an account (42 characters), far below this.
    /// </summary>
    public const int MaxRequestBytes = 4 * 1024;

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
