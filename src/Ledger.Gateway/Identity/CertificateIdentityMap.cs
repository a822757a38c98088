using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>
/// The configured <see cref="IdentityOptions.Clients"/> as a lookup: (issuing CA's SHA-256
/// fingerprint, client certificate) → mapping. Distinguished names are compared in .NET's rendering, ignoring
/// case, so "CN=a,O=b" in configuration matches a certificate whose subject is "CN=a, O=b".
/// When the configuration changes (an edited appsettings file), the lookup is rebuilt without
/// a restart; a change that does not validate is logged and the previous mapping stays.
/// </summary>
public sealed class CertificateIdentityMap : IDisposable
{
    private readonly IDisposable? _subscription;
    private readonly ILogger _logger;
    private IReadOnlyList<Entry> _entries;
    private int _version;

    /// <summary>Builds the lookup from fixed, validated options (tests).</summary>
    public CertificateIdentityMap(IOptions<IdentityOptions> options)
    {
        _entries = Build(options.Value);
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Builds the lookup and follows changes of the options.</summary>
    public CertificateIdentityMap(IOptionsMonitor<IdentityOptions> options, ILogger<CertificateIdentityMap> logger)
    {
        _logger = logger;
        _entries = Build(options.CurrentValue);
        _subscription = options.OnChange(Reload);
    }

    /// <summary>Grows by one at every reload, so that identities cached per connection can tell they are stale.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private void Reload(IdentityOptions options)
    {
        Volatile.Write(ref _entries, Build(options));
        Interlocked.Increment(ref _version);
        _logger.LogInformation("Reloaded the client certificate map: {Count} entries.", options.Clients.Count);
    }

    private static Entry[] Build(IdentityOptions options) => options.Clients.Select(Entry.From).ToArray();

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
        foreach (var entry in Volatile.Read(ref _entries))
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

        // The fingerprint decides: an entry without one (refused at startup in Production mode)
        // matches nothing, since a subject alone may name several trusted CAs. A subject named
        // beside the fingerprint must match as well.
        public bool MatchesIssuer(string thumbprint, string subject) =>
            IssuerThumbprint is not null && IssuerThumbprint == thumbprint
            && (IssuerSubject is null || string.Equals(IssuerSubject, subject, StringComparison.OrdinalIgnoreCase));
    }
}
