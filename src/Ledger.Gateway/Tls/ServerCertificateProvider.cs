using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tls;

/// <summary>
/// The server certificate for TLS handshakes, reloaded from its PEM files without a restart
/// (the ePhyto hub lost 33 hours to an expired certificate: renewing must be a file copy).
/// At most once per <see cref="TlsOptions.ReloadCheckInterval"/> a handshake re-reads both
/// files and compares their SHA-256 with what is loaded. Content, not modification time,
/// decides, because <c>cp -p</c> and <c>rsync -t</c> keep the old time. A pair that does not
/// load (say, the certificate is copied but the key not yet) is logged and the previous
/// certificate stays in service until the next check.
/// </summary>
public sealed class ServerCertificateProvider
{
    private readonly string _certificateFile;
    private readonly string _keyFile;
    private readonly long _checkIntervalTicks;
    private readonly TimeProvider _time;
    private readonly ILogger<ServerCertificateProvider> _logger;
    private readonly Lock _reloadGate = new();
    private Loaded _loaded;
    private long _nextCheckTicks;

    /// <summary>Loads the configured certificate and key.</summary>
    /// <exception cref="InvalidOperationException">The files cannot be read or do not form a certificate with its private key.</exception>
    public ServerCertificateProvider(IOptions<TlsOptions> options, TimeProvider time, ILogger<ServerCertificateProvider> logger)
    {
        _certificateFile = options.Value.ServerCertificateFile;
        _keyFile = options.Value.ServerKeyFile;
        _checkIntervalTicks = options.Value.ReloadCheckInterval.Ticks;
        _time = time;
        _logger = logger;
        try
        {
            _loaded = Load(ReadFiles());
        }
        catch (Exception e) when (IsLoadFailure(e))
        {
            throw new InvalidOperationException(
                $"Server certificate '{_certificateFile}' with key '{_keyFile}' could not be loaded: {e.Message}", e);
        }
        _nextCheckTicks = time.GetUtcNow().UtcTicks + _checkIntervalTicks;
        LogLoaded("Loaded");
    }

    /// <summary>The PEM file the certificate comes from (for messages).</summary>
    public string CertificateFile => _certificateFile;

    /// <summary>The certificate to present now; re-reads the files first when a check is due.</summary>
    public X509Certificate2 Current
    {
        get
        {
            ReloadIfDue();
            return Volatile.Read(ref _loaded).Certificate;
        }
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
                var files = ReadFiles();
                if (files.Fingerprint.AsSpan().SequenceEqual(_loaded.Fingerprint))
                    return;
                Volatile.Write(ref _loaded, Load(files));
                LogLoaded("Reloaded");
            }
            catch (Exception e) when (IsLoadFailure(e))
            {
                _logger.LogWarning(
                    "Server certificate files '{CertificateFile}' / '{KeyFile}' changed but do not load ({Error}); still serving {Subject} (expires {NotAfter:u}). Will retry.",
                    _certificateFile, _keyFile, e.Message, _loaded.Certificate.Subject, _loaded.Certificate.NotAfter.ToUniversalTime());
            }
        }
    }

    private PemFiles ReadFiles()
    {
        var certificatePem = File.ReadAllText(_certificateFile);
        var keyPem = File.ReadAllText(_keyFile);
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(certificatePem + "\n" + keyPem));
        return new PemFiles(certificatePem, keyPem, fingerprint);
    }

    private static Loaded Load(PemFiles files)
    {
        var certificate = X509Certificate2.CreateFromPem(files.CertificatePem, files.KeyPem);
        if (!certificate.HasPrivateKey)
            throw new CryptographicException("the key file holds no private key for this certificate");
        return new Loaded(certificate, files.Fingerprint);
    }

    private void LogLoaded(string verb) =>
        _logger.LogInformation(
            "{Verb} server certificate {Subject} (SHA-256 {Thumbprint}, valid {NotBefore:u} to {NotAfter:u}) from '{CertificateFile}'.",
            verb, _loaded.Certificate.Subject, _loaded.Certificate.GetCertHashString(HashAlgorithmName.SHA256),
            _loaded.Certificate.NotBefore.ToUniversalTime(), _loaded.Certificate.NotAfter.ToUniversalTime(), _certificateFile);

    private static bool IsLoadFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException;

    private sealed record PemFiles(string CertificatePem, string KeyPem, byte[] Fingerprint);

    private sealed record Loaded(X509Certificate2 Certificate, byte[] Fingerprint);
}
