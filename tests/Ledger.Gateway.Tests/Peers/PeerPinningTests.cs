using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Peers;

/// <summary>
/// The peer link's one trust rule: the SHA-256 of the certificate's DER equals the fingerprint
/// published on chain. The fingerprint is checked against openssl (an independent
/// implementation), since operators compute what they publish with it.
/// </summary>
public sealed class PeerPinningTests
{
    // Leaves end well before the CA (created once, earlier) so that their notAfter never passes its.
    private static readonly X509Certificate2 Ca = TestCertificates.CreateCa("CN=Pinning Test CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    private static readonly Address Authority = Address.Parse("0x1faa676a215ffe64601c02a10bca5e1d6ef2f56e");

    [Fact]
    public async Task The_fingerprint_is_what_openssl_x509_fingerprint_sha256_prints_without_colons()
    {
        using var folder = new TemporaryDirectory();
        using var certificate = TestCertificates.CreateServer(Ca, "CN=gateway-ch", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10));
        TestCertificates.WritePem(certificate, folder.File("gateway.crt"));

        var start = new ProcessStartInfo("openssl", ["x509", "-noout", "-fingerprint", "-sha256", "-in", folder.File("gateway.crt")]) { RedirectStandardOutput = true };
        using var openssl = Process.Start(start)!;
        var printed = (await openssl.StandardOutput.ReadToEndAsync()).Trim();
        await openssl.WaitForExitAsync();

        Assert.Equal(0, openssl.ExitCode);
        Assert.StartsWith("sha256 Fingerprint=", printed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(printed[(printed.IndexOf('=', StringComparison.Ordinal) + 1)..].Replace(":", "", StringComparison.Ordinal),
            CertificateFingerprint.Text(CertificateFingerprint.Of(certificate)));
    }

    [Fact]
    public void Only_the_published_certificate_matches_whatever_CA_signed_the_others()
    {
        using var published = SelfSigned("CN=gateway-ch");
        using var sameSubjectOtherKey = SelfSigned("CN=gateway-ch");
        using var caSigned = TestCertificates.CreateServer(Ca, "CN=gateway-ch", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10));
        var pin = CertificateFingerprint.Of(published);

        Assert.True(PeerPinning.Matches(published, pin));
        Assert.False(PeerPinning.Matches(sameSubjectOtherKey, pin));
        Assert.False(PeerPinning.Matches(caSigned, pin));
        Assert.False(PeerPinning.Matches(null, pin));
        Assert.False(PeerPinning.Matches(published, Bytes32.Zero));
    }

    [Fact]
    public void A_client_certificate_is_admitted_only_when_it_is_the_one_its_authority_published()
    {
        using var published = SelfSigned("CN=gateway-fr");
        using var other = SelfSigned("CN=gateway-fr");
        var pin = CertificateFingerprint.Of(published);

        Assert.Null(PeerPinning.CheckClient(published, Authority, pin));
        var wrong = PeerPinning.CheckClient(other, Authority, pin);
        var none = PeerPinning.CheckClient(null, Authority, pin);
        var unpublished = PeerPinning.CheckClient(published, Authority, Bytes32.Zero);

        Assert.Equal(LedgerErrorKind.PermissionDenied, wrong!.Kind);
        Assert.Equal($"the client certificate {CertificateFingerprint.Text(CertificateFingerprint.Of(other))} is not the gateway authority "
            + $"{Authority.ToChecksumHex()} published ({CertificateFingerprint.Text(pin)})", wrong.Message);
        Assert.Equal(LedgerErrorKind.PermissionDenied, none!.Kind);
        Assert.Equal(LedgerErrorKind.PermissionDenied, unpublished!.Kind);
        Assert.Contains("has no gateway published on chain", unpublished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untrusted_server_is_audited_with_both_fingerprints()
    {
        var presented = new Bytes32(SHA256.HashData("presented"u8));
        var published = new Bytes32(SHA256.HashData("published"u8));

        var detail = PeerPinning.UntrustedServer(presented, published);

        Assert.Equal($"presented certificate {Convert.ToHexString(presented.ToArray())}, "
            + $"the directory says {Convert.ToHexString(published.ToArray())}; not trusted", detail);
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, LedgerErrorKind.PermissionDenied)]
    [InlineData(StatusCode.Unavailable, LedgerErrorKind.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded, LedgerErrorKind.Unavailable)]
    [InlineData(StatusCode.Internal, LedgerErrorKind.Unavailable)]
    [InlineData(StatusCode.ResourceExhausted, LedgerErrorKind.FailedPrecondition)]
    [InlineData(StatusCode.Unimplemented, LedgerErrorKind.FailedPrecondition)]
    [InlineData(StatusCode.InvalidArgument, LedgerErrorKind.InvalidArgument)]
    public void The_issuer_gateways_answers_become_codes_the_officer_can_act_on(StatusCode issuerAnswer, LedgerErrorKind expected)
    {
        var error = PeerDocumentClient.Translate("https://gateway-ch:7444", new RpcException(new Status(issuerAnswer, "because")), 4096);

        Assert.Equal(expected, error.Kind);
        Assert.Contains("https://gateway-ch:7444", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issuers_rate_limit_is_retryable_unlike_a_document_over_the_bound()
    {
        var limited = new RpcException(new Status(StatusCode.ResourceExhausted, "Too many requests from this gateway"), new Metadata { { "retry-after", "1" } });

        var error = PeerDocumentClient.Translate("https://gateway-ch:7444", limited, 4096);

        Assert.Equal(LedgerErrorKind.Unavailable, error.Kind);
        Assert.Equal("the issuer's gateway at https://gateway-ch:7444 is busy: Too many requests from this gateway", error.Message);
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
