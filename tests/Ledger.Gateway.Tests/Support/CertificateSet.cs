using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// A small PKI on disk for one test: two trusted CAs (officers and customs), one CA nobody
/// trusts, and a server certificate, valid around <see cref="Now"/>.
/// </summary>
public sealed class CertificateSet : IDisposable
{
    /// <summary>The instant the tests treat as now.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z");

    private readonly TemporaryDirectory _directory = new();

    /// <summary>Writes the PKI; the server certificate is valid from yesterday for <paramref name="serverValidity"/>.</summary>
    public CertificateSet(TimeSpan? serverValidity = null)
    {
        OfficersCa = TestCertificates.CreateCa("CN=FOEN Officers CA, O=FOEN, C=CH", Now.AddDays(-1), Now.AddDays(400));
        CustomsCa = TestCertificates.CreateCa("CN=BAZG Customs CA, O=BAZG, C=CH", Now.AddDays(-1), Now.AddDays(400));
        RogueCa = TestCertificates.CreateCa("CN=FOEN Officers CA, O=FOEN, C=CH", Now.AddDays(-1), Now.AddDays(400));
        TestCertificates.WritePem(OfficersCa, OfficersCaFile);
        TestCertificates.WritePem(CustomsCa, CustomsCaFile);
        Server = WriteServer("CN=gateway-a.ledger.test", Now.AddDays(-1), Now.AddDays(-1) + (serverValidity ?? TimeSpan.FromDays(90)));
    }

    /// <summary>Trusted CA of the issuing officers.</summary>
    public X509Certificate2 OfficersCa { get; }

    /// <summary>Trusted CA of the customs officers.</summary>
    public X509Certificate2 CustomsCa { get; }

    /// <summary>An untrusted CA with the same name as the officers' CA.</summary>
    public X509Certificate2 RogueCa { get; }

    /// <summary>The current server certificate.</summary>
    public X509Certificate2 Server { get; private set; }

    /// <summary>PEM file of <see cref="OfficersCa"/>.</summary>
    public string OfficersCaFile => _directory.File("officers-ca.pem");

    /// <summary>PEM file of <see cref="CustomsCa"/>.</summary>
    public string CustomsCaFile => _directory.File("customs-ca.pem");

    /// <summary>PEM file of the server certificate.</summary>
    public string ServerCertificateFile => _directory.File("server.pem");

    /// <summary>PEM file of the server key.</summary>
    public string ServerKeyFile => _directory.File("server.key");

    /// <summary>A path in the test's directory.</summary>
    public string File(string name) => _directory.File(name);

    /// <summary>Issues a new server certificate and overwrites the server PEM files with it.</summary>
    public X509Certificate2 WriteServer(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        Server = TestCertificates.CreateServer(OfficersCa, subject, notBefore, notAfter);
        TestCertificates.WritePem(Server, ServerCertificateFile, ServerKeyFile);
        return Server;
    }

    /// <summary>Configuration for a Production-mode gateway using these files.</summary>
    public Dictionary<string, string?> ProductionConfiguration() => new()
    {
        ["Gateway:Mode"] = "Production",
        ["Gateway:ListenAddress"] = "127.0.0.1",
        ["Gateway:Port"] = "0",
        ["Tls:ServerCertificateFile"] = ServerCertificateFile,
        ["Tls:ServerKeyFile"] = ServerKeyFile,
        ["Tls:TrustedCaFiles:0"] = OfficersCaFile,
        ["Tls:TrustedCaFiles:1"] = CustomsCaFile,
        ["Tls:ReloadCheckInterval"] = "00:00:00",
        ["Identity:Clients:0:IssuerThumbprintSha256"] = CertificateIdentityMap.Sha256Thumbprint(OfficersCa),
        ["Identity:Clients:0:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        ["Identity:Clients:0:Role"] = "IssuingOfficer",
        ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
        ["Documents:SqlitePath"] = _directory.File("documents.sqlite"),
        ["Documents:KeyFiles:test-1"] = DocumentKeyFile,
    };

    /// <summary>A document key file (a Production gateway refuses to start without one).</summary>
    public string DocumentKeyFile
    {
        get
        {
            var path = _directory.File("documents.key");
            if (!System.IO.File.Exists(path))
                System.IO.File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");
            return path;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}
