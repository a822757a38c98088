using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Ledger.Gateway.Tls;

/// <summary>Kestrel endpoint configuration for Production mode.</summary>
public static class KestrelTlsExtensions
{
    /// <summary>
    /// TLS 1.3 only, a client certificate required and validated against the trusted CAs
    /// (not the OS store), and the server certificate taken from
    /// <paramref name="serverCertificate"/> on every handshake so that renewals apply without
    /// a restart. HTTP/2 for gRPC and HTTP/1.1 for JSON clients, chosen by ALPN. The web
    /// console's endpoint passes <see cref="ClientCertificateMode.AllowCertificate"/>: its public
    /// verification page needs no certificate; every other page's policy still requires a mapped one.
    /// </summary>
    public static ListenOptions UseLedgerTls(
        this ListenOptions listen, ServerCertificateProvider serverCertificate, TrustedCertificateAuthorities trusted,
        ClientCertificateMode clientCertificates = ClientCertificateMode.RequireCertificate)
    {
        ArgumentNullException.ThrowIfNull(serverCertificate);
        ArgumentNullException.ThrowIfNull(trusted);
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        return listen.UseHttps(https =>
        {
            https.SslProtocols = SslProtocols.Tls13;
            https.ClientCertificateMode = clientCertificates;
            https.CheckCertificateRevocation = false;
            https.ServerCertificateSelector = (_, _) => serverCertificate.Current;
            // The platform's verdict (chain, policy errors) is built against the OS store; ours replaces it.
            https.ClientCertificateValidation = (certificate, _, _) => trusted.Validate(certificate).IsTrusted;
        });
    }
}
