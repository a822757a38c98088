using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ledger.Gateway.Tls;

/// <summary>
/// The CAs whose client certificates the gateway accepts, loaded from the configured PEM
/// files, and chain validation against exactly them (never the operating system's store: a
/// public CA must not be able to mint an authority's identity). The files are re-read as the
/// server certificate is (<see cref="ServerCertificateProvider"/>): at most once per
/// <see cref="TlsOptions.ReloadCheckInterval"/>, on use, by content hash; a set that does not
/// load is logged and the previous one stays in service. Adding or removing a CA is a file
/// edit, without a restart.
/// </summary>
public sealed class TrustedCertificateAuthorities
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    private readonly IReadOnlyList<string> _files;
    private readonly long _checkIntervalTicks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private Loaded _loaded;
    private long _nextCheckTicks;
    private CancellationTokenSource _changed = new();

    /// <summary>Loads the CAs named in <see cref="TlsOptions.TrustedCaFiles"/>.</summary>
    /// <exception cref="InvalidOperationException">A file has no certificate, an unreadable one, or a certificate that is not a CA.</exception>
    public TrustedCertificateAuthorities(IOptions<TlsOptions> options, TimeProvider time, ILogger<TrustedCertificateAuthorities>? logger = null)
    {
        _files = [.. options.Value.TrustedCaFiles];
        _checkIntervalTicks = options.Value.ReloadCheckInterval.Ticks;
        _time = time;
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _loaded = Load(_files);
        _nextCheckTicks = time.GetUtcNow().UtcTicks + _checkIntervalTicks;
    }

    /// <summary>Every trusted CA with the file it came from (re-read first when a check is due).</summary>
    public IReadOnlyList<TrustedCertificateAuthority> Authorities
    {
        get
        {
            ReloadIfDue();
            return Volatile.Read(ref _loaded).Authorities;
        }
    }

    /// <summary>Fires once when the set of trusted CAs next changes (then ask again for a new token).</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

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
        ReloadIfDue();
        var anchors = Volatile.Read(ref _loaded).Anchors;
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors);
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

    private void ReloadIfDue()
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref _nextCheckTicks))
            return;
        lock (_reloadGate)
        {
            if (now < Interlocked.Read(ref _nextCheckTicks))
                return;
            Interlocked.Exchange(ref _nextCheckTicks, now + _checkIntervalTicks);
            try
            {
                if (Fingerprint(_files).AsSpan().SequenceEqual(_loaded.Fingerprint))
                    return;
                var loaded = Load(_files);
                Volatile.Write(ref _loaded, loaded);
                _logger.LogInformation("Reloaded the trusted client CAs: {Subjects}.",
                    string.Join("; ", loaded.Authorities.Select(a => $"{a.Certificate.Subject} from '{a.SourceFile}'")));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("Trusted CA files changed but do not load ({Error}); the previous CAs stay trusted. Will retry.", e.Message);
                return;
            }
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            previous.Cancel();
            previous.Dispose();
        }
    }

    private static Loaded Load(IReadOnlyList<string> files)
    {
        var authorities = new List<TrustedCertificateAuthority>();
        var anchors = new X509Certificate2Collection();
        foreach (var file in files)
        {
            foreach (var certificate in LoadCertificates(file))
            {
                authorities.Add(new TrustedCertificateAuthority(file, certificate));
                anchors.Add(certificate);
            }
        }
        return new Loaded(authorities, anchors, Fingerprint(files));
    }

    private static byte[] Fingerprint(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
        }
        return hash.GetHashAndReset();
    }

    private sealed record Loaded(IReadOnlyList<TrustedCertificateAuthority> Authorities, X509Certificate2Collection Anchors, byte[] Fingerprint);

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
