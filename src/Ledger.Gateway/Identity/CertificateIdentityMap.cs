using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>
/// The configured <see cref="IdentityOptions.Clients"/> as a lookup: (issuing CA, client
/// certificate) → mapping. Distinguished names are compared in .NET's rendering, ignoring
/// case, so "CN=a,O=b" in configuration matches a certificate whose subject is "CN=a, O=b".
/// </summary>
public sealed class CertificateIdentityMap
{
    private readonly IReadOnlyList<Entry> _entries;

    /// <summary>Builds the lookup from validated options.</summary>
    public CertificateIdentityMap(IOptions<IdentityOptions> options)
    {
        _entries = options.Value.Clients.Select(Entry.From).ToArray();
    }

    /// <summary>
    /// The mapping for <paramref name="client"/> issued by <paramref name="issuer"/>: an entry
    /// naming the client's subject first, else a CA-wide entry; null when none matches.
    /// </summary>
    public ClientCertificateMapping? Find(X509Certificate2 issuer, X509Certificate2 client)
    {
        var issuerThumbprint = Sha256Thumbprint(issuer);
        var issuerName = issuer.SubjectName.Name;
        var subject = client.SubjectName.Name;
        ClientCertificateMapping? caWide = null;
        foreach (var entry in _entries)
        {
            if (!entry.MatchesIssuer(issuerThumbprint, issuerName))
                continue;
            if (entry.Subject is null)
                caWide ??= entry.Mapping;
            else if (string.Equals(entry.Subject, subject, StringComparison.OrdinalIgnoreCase))
                return entry.Mapping;
        }
        return caWide;
    }

    /// <summary>SHA-256 fingerprint of a certificate as 64 lower-case hex digits.</summary>
    public static string Sha256Thumbprint(X509Certificate2 certificate) =>
        certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();

    /// <summary>Normalises a configured fingerprint (colons, spaces, any case) to 64 lower-case hex digits, or null when malformed.</summary>
    public static string? NormaliseThumbprint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var hex = new string(text.Where(c => c is not (':' or ' ')).ToArray()).ToLowerInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>Renders a configured distinguished name the way .NET renders a certificate's, or null when it does not parse.</summary>
    public static string? NormaliseDistinguishedName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            // Built from a string, X500DistinguishedName keeps that string as its Name;
            // re-reading the encoded form renders it as certificates are rendered.
            return new X500DistinguishedName(new X500DistinguishedName(text.Trim()).RawData).Name;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private sealed record Entry(string? IssuerThumbprint, string? IssuerSubject, string? Subject, ClientCertificateMapping Mapping)
    {
        public static Entry From(ClientCertificateMapping mapping) => new(
            NormaliseThumbprint(mapping.IssuerThumbprintSha256),
            NormaliseDistinguishedName(mapping.IssuerSubject),
            NormaliseDistinguishedName(mapping.Subject),
            mapping);

        public bool MatchesIssuer(string thumbprint, string subject) =>
            (IssuerThumbprint is not null || IssuerSubject is not null)
            && (IssuerThumbprint is null || IssuerThumbprint == thumbprint)
            && (IssuerSubject is null || string.Equals(IssuerSubject, subject, StringComparison.OrdinalIgnoreCase));
    }
}
