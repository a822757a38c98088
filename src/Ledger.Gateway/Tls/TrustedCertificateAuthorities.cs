using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tls;

/// <summary>
/// The CAs whose client certificates the gateway accepts, loaded once from the configured
/// PEM files, and chain validation against exactly them (never the operating system's
/// store: a public CA must not be able to mint an authority's identity).
/// </summary>
public sealed class TrustedCertificateAuthorities
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    private readonly X509Certificate2Collection _anchors = [];
    private readonly TimeProvider _time;

    /// <summary>Loads the CAs named in <see cref="TlsOptions.TrustedCaFiles"/>.</summary>
    /// <exception cref="InvalidOperationException">A file has no certificate, an unreadable one, or a certificate that is not a CA.</exception>
    public TrustedCertificateAuthorities(IOptions<TlsOptions> options, TimeProvider time)
    {
        _time = time;
        var authorities = new List<TrustedCertificateAuthority>();
        foreach (var file in options.Value.TrustedCaFiles)
        {
            foreach (var certificate in LoadCertificates(file))
            {
                authorities.Add(new TrustedCertificateAuthority(file, certificate));
                _anchors.Add(certificate);
            }
        }
        Authorities = authorities;
    }

    /// <summary>Every trusted CA with the file it came from.</summary>
    public IReadOnlyList<TrustedCertificateAuthority> Authorities { get; }

    /// <summary>
    /// Builds a chain from <paramref name="certificate"/> to a trusted CA at the current time,
    /// requiring the client-authentication usage when the certificate restricts usages.
    /// Only configured certificates take part: intermediates a client sends are ignored, so
    /// a CA that issues client certificates must itself be listed (an intermediate CA is then
    /// an anchor of its own). That keeps the issuing CA, which the identity mapping names,
    /// under the operator's control. Revocation is not checked: the authorities run no CRL or
    /// OCSP service for this network; remove a CA or a mapping to revoke.
    /// </summary>
    /// <param name="certificate">The client's certificate.</param>
    public ChainValidationResult Validate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_anchors);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        policy.ApplicationPolicy.Add(ClientAuthentication);

        if (!chain.Build(certificate))
        {
            var reasons = chain.ChainStatus
                .Where(status => status.Status != X509ChainStatusFlags.NoError)
                .Select(status => status.StatusInformation.Trim())
                .Distinct();
            return ChainValidationResult.Untrusted(string.Join("; ", reasons));
        }
        if (chain.ChainElements.Count < 2)
            return ChainValidationResult.Untrusted("it is a CA certificate itself; use a certificate issued by the CA");
        // The chain's element certificates die with the chain; hand out an independent copy.
        var issuer = X509CertificateLoader.LoadCertificate(chain.ChainElements[1].Certificate.RawData);
        return new ChainValidationResult(true, issuer, null);
    }

    private static X509Certificate2Collection LoadCertificates(string file)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Trusted CA file '{file}' could not be read as PEM: {e.Message}", e);
        }
        if (certificates.Count == 0)
            throw new InvalidOperationException($"Trusted CA file '{file}' contains no PEM certificate.");
        foreach (var certificate in certificates)
        {
            var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
            if (constraints is not { CertificateAuthority: true })
                throw new InvalidOperationException(
                    $"Trusted CA file '{file}' holds '{certificate.Subject}', which is not a CA certificate (basic constraints CA:TRUE).");
        }
        return certificates;
    }
}
