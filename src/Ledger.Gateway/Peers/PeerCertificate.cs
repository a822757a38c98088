using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ledger.Core.Primitives;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>
/// This gateway's peer certificate and key, loaded once at startup: the server certificate of
/// the peer endpoint and the client certificate of calls to other gateways. Replacing it means
/// publishing a new fingerprint on chain anyway, so it is read at start only (restart after the
/// new fingerprint is published).
/// </summary>
public sealed class PeerCertificate : IDisposable
{
    /// <summary>Loads <see cref="PeerOptions.CertificateFile"/> with <see cref="PeerOptions.KeyFile"/>.</summary>
    /// <exception cref="InvalidOperationException">The files cannot be read or do not form a certificate with its key.</exception>
    public PeerCertificate(IOptions<PeerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        try
        {
            Certificate = X509Certificate2.CreateFromPemFile(value.CertificateFile, value.KeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The peer certificate '{value.CertificateFile}' with key '{value.KeyFile}' could not be loaded: {e.Message}", e);
        }
        if (!Certificate.HasPrivateKey)
            throw new InvalidOperationException($"The peer key file '{value.KeyFile}' holds no private key for '{value.CertificateFile}'.");
        Fingerprint = CertificateFingerprint.Of(Certificate);
    }

    /// <summary>The certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Its SHA-256, as the authority publishes it on chain.</summary>
    public Bytes32 Fingerprint { get; }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();
}
