using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Grpc.Core;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Identity;

public sealed class ClientCertificateIdentityResolverTests : IDisposable
{
    private const string Foen = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string Bazg = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private readonly CertificateSet _pki = new();
    private readonly FakeTimeProvider _time = new(CertificateSet.Now);

    public void Dispose() => _pki.Dispose();

    private ClientCertificateIdentityResolver Resolver(params ClientCertificateMapping[] clients) =>
        ResolverTrusting([_pki.OfficersCaFile, _pki.CustomsCaFile], clients);

    private ClientCertificateIdentityResolver ResolverTrusting(List<string> caFiles, params ClientCertificateMapping[] clients)
    {
        var trusted = new TrustedCertificateAuthorities(Options.Create(new TlsOptions { TrustedCaFiles = caFiles }), _time);
        var map = new CertificateIdentityMap(Options.Create(new IdentityOptions { Clients = [.. clients] }));
        return new ClientCertificateIdentityResolver(trusted, map, _time);
    }

    private static HttpContext Connection(X509Certificate2? certificate)
    {
        var context = new DefaultHttpContext();
        context.Connection.ClientCertificate = certificate;
        return context;
    }

    private static string Sha256(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    [Fact]
    public void A_mapped_certificate_resolves_to_its_authority_role_and_audit_identity()
    {
        var officer = TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17, O=FOEN, C=CH");
        var resolver = Resolver(new ClientCertificateMapping
        {
            IssuerThumbprintSha256 = Sha256(_pki.OfficersCa),
            Subject = "CN=officer-17, O=FOEN, C=CH",
            Authority = Foen,
            Role = CallerRole.IssuingOfficer,
        });

        var caller = resolver.Resolve(Connection(officer));

        var official = Sha256(_pki.OfficersCa) + "|CN=officer-17, O=FOEN, C=CH";
        Assert.Equal(Foen.ToLowerInvariant(), caller.AuthorityAddress);
        Assert.Equal(CallerRole.IssuingOfficer, caller.Role);
        Assert.Equal(official, caller.OfficialIdentity);
        // The on-chain reference is Core's: keccak256("actor:" + official), checked here against Nethereum's Keccak called directly.
        var expected = Nethereum.Util.Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("actor:" + official));
        Assert.Equal(expected, caller.ActorRef.Value.ToArray());
        Assert.Equal("0x" + Convert.ToHexStringLower(expected), caller.ActorRefHex);
    }

    [Fact]
    public void Thumbprints_as_openssl_prints_them_and_differently_spaced_names_match()
    {
        var officer = TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17, O=FOEN, C=CH");
        var opensslStyle = string.Join(':', Enumerable.Range(0, 32).Select(i => Sha256(_pki.OfficersCa).Substring(i * 2, 2).ToUpperInvariant()));
        var resolver = Resolver(new ClientCertificateMapping
        {
            IssuerThumbprintSha256 = opensslStyle,
            IssuerSubject = "cn=FOEN Officers CA,O=FOEN,C=CH",
            Subject = "CN=officer-17,O=FOEN,C=CH",
            Authority = Foen,
            Role = CallerRole.ReadOnly,
        });

        Assert.Equal(CallerRole.ReadOnly, resolver.Resolve(Connection(officer)).Role);
    }

    [Fact]
    public void A_subject_entry_wins_over_a_ca_wide_entry_which_covers_everyone_else()
    {
        var resolver = Resolver(
            new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.CustomsCa), Authority = Bazg, Role = CallerRole.CustomsOfficer },
            new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.CustomsCa), Subject = "CN=auditor, O=BAZG, C=CH", Authority = Bazg, Role = CallerRole.ReadOnly });

        var auditor = resolver.Resolve(Connection(TestCertificates.CreateClient(_pki.CustomsCa, "CN=auditor, O=BAZG, C=CH")));
        var officer = resolver.Resolve(Connection(TestCertificates.CreateClient(_pki.CustomsCa, "CN=basel-officer-3, O=BAZG, C=CH")));

        Assert.Equal(CallerRole.ReadOnly, auditor.Role);
        Assert.Equal(CallerRole.CustomsOfficer, officer.Role);
        Assert.NotEqual(auditor.OfficialIdentity, officer.OfficialIdentity);
    }

    /// <summary>Writes <see cref="CertificateSet.RogueCa"/>, which has the officers' CA's subject, where a gateway can trust it (as it would a renewed CA).</summary>
    private string SameNamedCaFile()
    {
        var path = _pki.File("same-named-officers-ca.pem");
        TestCertificates.WritePem(_pki.RogueCa, path);
        return path;
    }

    [Fact]
    public void A_mapping_naming_its_ca_by_subject_alone_matches_no_certificate_when_two_trusted_cas_share_that_subject()
    {
        Assert.Equal(_pki.OfficersCa.SubjectName.Name, _pki.RogueCa.SubjectName.Name);
        var resolver = ResolverTrusting([_pki.OfficersCaFile, SameNamedCaFile()],
            new ClientCertificateMapping { IssuerSubject = _pki.OfficersCa.Subject, Authority = Foen, Role = CallerRole.IssuingOfficer });

        var fromOfficersCa = Assert.Throws<RpcException>(() => resolver.Resolve(TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17")));
        var fromSameNamedCa = Assert.Throws<RpcException>(() => resolver.Resolve(TestCertificates.CreateClient(_pki.RogueCa, "CN=officer-17")));

        Assert.Equal(StatusCode.PermissionDenied, fromOfficersCa.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, fromSameNamedCa.StatusCode);
    }

    [Fact]
    public void Of_two_trusted_cas_sharing_a_subject_only_the_one_with_the_mapped_fingerprint_issues_mapped_certificates()
    {
        var resolver = ResolverTrusting([_pki.OfficersCaFile, SameNamedCaFile()], new ClientCertificateMapping
        {
            IssuerThumbprintSha256 = Sha256(_pki.OfficersCa),
            IssuerSubject = _pki.OfficersCa.Subject,
            Authority = Foen,
            Role = CallerRole.IssuingOfficer,
        });

        var officer = resolver.Resolve(TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17"));
        var error = Assert.Throws<RpcException>(() => resolver.Resolve(TestCertificates.CreateClient(_pki.RogueCa, "CN=officer-17")));

        Assert.Equal(CallerRole.IssuingOfficer, officer.Role);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public void A_mapping_naming_its_ca_by_fingerprint_and_subject_matches_only_when_both_agree()
    {
        // The officers' CA's fingerprint beside the customs CA's name, as a copy-and-paste slip would leave it.
        var resolver = Resolver(new ClientCertificateMapping
        {
            IssuerThumbprintSha256 = Sha256(_pki.OfficersCa),
            IssuerSubject = _pki.CustomsCa.Subject,
            Authority = Foen,
            Role = CallerRole.IssuingOfficer,
        });

        var fromOfficersCa = Assert.Throws<RpcException>(() => resolver.Resolve(TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17")));
        var fromCustomsCa = Assert.Throws<RpcException>(() => resolver.Resolve(TestCertificates.CreateClient(_pki.CustomsCa, "CN=officer-17")));

        Assert.Equal(StatusCode.PermissionDenied, fromOfficersCa.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, fromCustomsCa.StatusCode);
    }

    [Fact]
    public void A_trusted_but_unmapped_certificate_is_permission_denied_with_what_to_do()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Subject = "CN=officer-17", Authority = Foen, Role = CallerRole.IssuingOfficer });

        var error = Assert.Throws<RpcException>(() => resolver.Resolve(Connection(TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-99"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("CN=officer-99", error.Status.Detail);
        Assert.Contains("Identity:Clients", error.Status.Detail);
    }

    [Fact]
    public void Another_trusted_ca_cannot_issue_a_certificate_that_takes_a_mapped_subject()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Subject = "CN=officer-17", Authority = Foen, Role = CallerRole.IssuingOfficer });

        var error = Assert.Throws<RpcException>(() => resolver.Resolve(Connection(TestCertificates.CreateClient(_pki.CustomsCa, "CN=officer-17"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public void A_certificate_from_an_untrusted_ca_with_a_lookalike_name_is_unauthenticated()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Authority = Foen, Role = CallerRole.IssuingOfficer });

        var error = Assert.Throws<RpcException>(() => resolver.Resolve(Connection(TestCertificates.CreateClient(_pki.RogueCa, "CN=officer-17"))));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("not trusted", error.Status.Detail);
    }

    [Fact]
    public void An_expired_client_certificate_is_unauthenticated()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Authority = Foen, Role = CallerRole.IssuingOfficer });
        var officer = TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17", CertificateSet.Now.AddDays(-1), CertificateSet.Now.AddDays(10));
        Assert.Equal(CallerRole.IssuingOfficer, resolver.Resolve(officer).Role);

        _time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(StatusCode.Unauthenticated, Assert.Throws<RpcException>(() => resolver.Resolve(officer)).StatusCode);
    }

    [Fact]
    public void A_certificate_meant_only_for_servers_is_not_accepted_as_a_client()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Authority = Foen, Role = CallerRole.IssuingOfficer });

        var error = Assert.Throws<RpcException>(() => resolver.Resolve(Connection(_pki.Server)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public void Without_a_certificate_the_caller_is_unauthenticated_and_a_dev_header_changes_nothing()
    {
        var resolver = Resolver(new ClientCertificateMapping { IssuerThumbprintSha256 = Sha256(_pki.OfficersCa), Authority = Foen, Role = CallerRole.IssuingOfficer });
        var context = Connection(null);
        context.Request.Headers[DevHeaderIdentityResolver.HeaderName] = "ch-issuer";

        var error = Assert.Throws<RpcException>(() => resolver.Resolve(context));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("mutual TLS", error.Status.Detail);
    }
}
