using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using static Ledger.Cli.Conformance.ConformanceContext;

namespace Ledger.Cli.Conformance;

/// <summary>Transport security: TLS 1.3 and a certificate far enough from expiry (the ePhyto hub lost 33 hours to an expired one).</summary>
internal static class TransportChecks
{
    /// <summary>A certificate closer to expiry than this fails the run: renewals need time between authorities.</summary>
    public static readonly TimeSpan MinimumRemainingValidity = TimeSpan.FromDays(30);

    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("the gateway speaks TLS 1.3 and its certificate is valid for 30 days or more", async (c, ct) =>
        {
            if (c.Address.Scheme != Uri.UriSchemeHttps)
                throw new ConformanceSkip("plain-HTTP devnet gateway: TLS applies to https:// gateways");
            var (protocol, certificate) = await HandshakeAsync(c.Address, ct);
            using (certificate)
            {
                Require(protocol == SslProtocols.Tls13, $"negotiated {protocol}, not TLS 1.3");
                var remaining = certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow;
                Require(remaining >= MinimumRemainingValidity,
                    $"the gateway's certificate expires {certificate.NotAfter:u} ({remaining.TotalDays:0} days): renew it now");
                return $"{protocol}, certificate valid until {certificate.NotAfter:u}";
            }
        });
    }

    private static async Task<(SslProtocols Protocol, X509Certificate2 Certificate)> HandshakeAsync(Uri address, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, cancellationToken);
        X509Certificate2? seen = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            // Only looked at here: whether the gateway is trusted is what every call of the run already decides.
            seen = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = address.Host,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
        }, cancellationToken);
        return (tls.SslProtocol, seen ?? throw new ConformanceFailure("the gateway presented no certificate"));
    }
}
