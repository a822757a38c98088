using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ledger.Network.Keys;

namespace Ledger.Network.Tls;

/// <summary>A certificate with its private key, in PEM.</summary>
/// <param name="Certificate">The certificate (its private key not attached).</param>
/// <param name="CertificatePem">The certificate as PEM.</param>
/// <param name="KeyPem">The unencrypted PKCS#8 private key as PEM.</param>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string CertificatePem, string KeyPem)
{
    /// <summary>Subject only: the key stays out of logs.</summary>
    public override string ToString() => Certificate.Subject;
}

/// <summary>
/// A devnet's certificate authority: it signs each gateway's server certificate and the
/// officers' client certificates, so that the sample network runs over mutual TLS out of the
/// box. Its keys come from the devnet's <see cref="KeySource"/> and are therefore public:
/// DEVNET ONLY. A real authority uses its own PKI and lists its CA in its gateway's settings.
/// Certificates depend only on the key source and the issue day, so a regeneration on the same
/// day writes the same bytes (RFC 6979 signatures).
/// </summary>
public sealed class DevCertificateAuthority
{
    /// <summary>Longest validity of a leaf certificate (the CA/Browser Forum limit), in days.</summary>
    public const int LeafValidityDays = 397;

    /// <summary>Validity of the CA certificate, in days: longer than a leaf, so leaves can be renewed under it.</summary>
    public const int CaValidityDays = 3 * 365;

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly KeySource _keys;
    private readonly DateTimeOffset _notBefore;
    private readonly ECDsa _caKey;

    private DevCertificateAuthority(KeySource keys, DateTimeOffset notBefore, ECDsa caKey, IssuedCertificate ca)
    {
        _keys = keys;
        _notBefore = notBefore;
        _caKey = caKey;
        Ca = ca;
    }

    /// <summary>The CA's own certificate and key.</summary>
    public IssuedCertificate Ca { get; }

    /// <summary>SHA-256 fingerprint of the CA certificate, 64 lower-case hex digits (what a gateway's identity mapping names).</summary>
    public string CaThumbprintSha256 => Ca.Certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();

    /// <summary>Creates the CA of the devnet <paramref name="networkName"/>, valid from the start of the UTC day of <paramref name="issuedAt"/>.</summary>
    public static DevCertificateAuthority Create(string networkName, KeySource keys, DateTimeOffset issuedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkName);
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.IsDeterministic)
            throw new InvalidOperationException("A dev CA is for a seeded devnet only; a real network's authorities use their own PKI.");
        var notBefore = new DateTimeOffset(issuedAt.UtcDateTime.Date, TimeSpan.Zero);
        var key = DeterministicP256.KeyFrom(keys.Bytes("tls/ca", 32));
        var name = new X500DistinguishedName($"CN=Permit Ledger devnet CA - DEVNET ONLY key is public, O={Sanitise(networkName)}");
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.Create(name, DeterministicP256.SignatureGenerator(key), notBefore, notBefore.AddDays(CaValidityDays), Serial(keys, "ca"));
        return new DevCertificateAuthority(keys, notBefore, key, Pem(certificate, key));
    }

    /// <summary>
    /// The server certificate of the gateway of <paramref name="authorityId"/>: its compose host
    /// name, localhost and 127.0.0.1 (the container's own health check). It also allows client
    /// authentication: the gateway presents it when it calls another gateway or its own health service.
    /// </summary>
    public IssuedCertificate IssueGateway(string authorityId, string organisation, string hostName)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        return Issue($"gateway/{authorityId}", $"CN={hostName}, O={Sanitise(organisation)}", [ServerAuthentication, ClientAuthentication], names.Build());
    }

    /// <summary>A client certificate for the officer <paramref name="officer"/> (e.g. "ch-customs") of <paramref name="organisation"/> in <paramref name="country"/>.</summary>
    public IssuedCertificate IssueOfficer(string officer, string organisation, string country) =>
        Issue($"officer/{officer}", $"CN={Sanitise(officer)}, O={Sanitise(organisation)}, C={country}", [ClientAuthentication], extension: null);

    private IssuedCertificate Issue(string label, string subject, Oid[] usages, X509Extension? extension)
    {
        var key = DeterministicP256.KeyFrom(_keys.Bytes($"tls/{label}", 32));
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca.Certificate, true, false));
        if (extension is not null)
            request.CertificateExtensions.Add(extension);
        var certificate = request.Create(Ca.Certificate.SubjectName, DeterministicP256.SignatureGenerator(_caKey),
            _notBefore, _notBefore.AddDays(LeafValidityDays), Serial(_keys, label));
        return Pem(certificate, key);
    }

    // Positive, non-zero, 16 bytes as RFC 5280 asks; drawn from the key source so it is reproducible.
    private static byte[] Serial(KeySource keys, string label)
    {
        var serial = keys.Bytes($"tls/serial/{label}", 16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private static IssuedCertificate Pem(X509Certificate2 certificate, ECDsa key) =>
        new(certificate, certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");

    // Distinguished-name values here come from the network definition; commas or quotes would change the name's structure.
    private static string Sanitise(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ')
            ? value
            : throw new ArgumentException($"'{value}' cannot go into a certificate name: use letters, digits, '-', '_', '.' or spaces.", nameof(value));
}
