using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Tls;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Warns at start, in Production mode, of each client mapping whose CA fingerprint is that of
/// none of the CAs in <c>Tls:TrustedCaFiles</c>. No certificate of such a CA passes the TLS
/// handshake, so the entry maps nothing and its officials are refused without a word in the
/// log: usually a fingerprint copied from the wrong file, or a CA not yet added. It is a warning,
/// not a refusal, because an operator may map a new CA's officials before adding the CA (the
/// trusted set is re-read without a restart).
/// </summary>
internal sealed class IdentityStartupReport(
    IOptions<GatewayOptions> gateway, IOptions<IdentityOptions> identity, IServiceProvider services, ILogger<IdentityStartupReport> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (gateway.Value.Mode != GatewayMode.Production)
            return Task.CompletedTask;
        var trusted = services.GetRequiredService<TrustedCertificateAuthorities>().Authorities.Select(ca => ca.Certificate);
        foreach (var entry in MappingsOfNoTrustedCa(identity.Value, trusted))
            logger.LogWarning(
                "Identity:Clients:{Index} ({Subject}) names the CA with fingerprint {Fingerprint}, which is none of Tls:TrustedCaFiles: " +
                "it maps no certificate until that CA is trusted. Check that the fingerprint was taken from the CA that issues these officials' certificates.",
                entry.Index, entry.Subject, entry.Fingerprint);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The mappings (index in <c>Identity:Clients</c>, client subject or "any", fingerprint) whose CA is none of <paramref name="trusted"/>.</summary>
    internal static IEnumerable<(int Index, string Subject, string Fingerprint)> MappingsOfNoTrustedCa(
        IdentityOptions options, IEnumerable<X509Certificate2> trusted)
    {
        var fingerprints = trusted.Select(CertificateIdentityMap.Sha256Thumbprint).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var mapping = options.Clients[i];
            if (CertificateIdentityMap.NormaliseThumbprint(mapping.IssuerThumbprintSha256) is { } fingerprint && !fingerprints.Contains(fingerprint))
                yield return (i, string.IsNullOrWhiteSpace(mapping.Subject) ? "any certificate of that CA" : mapping.Subject, fingerprint);
        }
    }
}
