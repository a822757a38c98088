using Ledger.Core.Documents;

namespace Ledger.Gateway.Peers;

/// <summary>
/// The gateway-to-gateway endpoint (configuration section <c>Peers</c>): a second listener,
/// always mutual TLS, serving only the peer document service. Its certificate is this gateway's
/// identity towards other gateways: the SHA-256 of its DER is what the authority publishes in
/// the on-chain directory (<c>publishGateway(account, url, fingerprint)</c>), and the same
/// certificate is presented as the client certificate when this gateway calls another.
/// No CA is involved on this link. Without <see cref="CertificateFile"/> there is no peer
/// endpoint and documents cannot be fetched from or served to other gateways.
/// </summary>
public sealed class PeerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Peers";

    /// <summary>IP address of the peer listener; empty takes <c>Gateway:ListenAddress</c>.</summary>
    public string ListenAddress { get; set; } = "";

    /// <summary>TCP port of the peer listener; 0 lets the system choose (tests).</summary>
    public int Port { get; set; } = 7444;

    /// <summary>PEM file with this gateway's peer certificate (its fingerprint is published on chain).</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>PEM file with the certificate's unencrypted private key (protect it with file permissions).</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>
    /// The https URL other gateways reach this endpoint at, as the authority publishes it on
    /// chain; only reported at startup so the operator can compare it with the directory.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>How long a call to another authority's gateway may take, connection included.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The other gateways this deployment reaches on addresses that are not public (loopback,
    /// private, link-local, carrier-grade NAT, ...; see <see cref="NonPublicAddresses"/>). A
    /// published gateway URL whose host resolves to such an address is refused, without
    /// connecting, unless it is listed here. Each entry is an exact host name (<c>gateway-fr</c>:
    /// the URL's host, whatever it resolves to, so list only names this deployment resolves
    /// itself: compose service names, its own DNS, /etc/hosts), or an IP address or CIDR range
    /// (<c>10.20.0.0/16</c>, <c>fd12:3456::/48</c>) that the address connected to must be in.
    /// Public addresses need no entry. In Devnet mode loopback is allowed without one.
    /// </summary>
    public List<string> AllowedGatewayHosts { get; set; } = [];

    /// <summary>Largest document accepted from another gateway; at most what the ledger anchors.</summary>
    public int MaxDocumentBytes { get; set; } = DocumentHash.MaxDocumentBytes;
}
