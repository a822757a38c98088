using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Identity;

public sealed class IdentityStartupReportTests : IDisposable
{
    private readonly CertificateSet _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void Only_mappings_whose_fingerprint_is_no_trusted_CA_are_reported_with_their_index()
    {
        var options = new IdentityOptions
        {
            Clients =
            [
                Mapping(CertificateIdentityMap.Sha256Thumbprint(_certificates.OfficersCa), "CN=ch-issuer"),
                // The rogue CA shares the officers' CA's subject: only the fingerprint tells them apart.
                Mapping(CertificateIdentityMap.Sha256Thumbprint(_certificates.RogueCa), "CN=ch-customs"),
                // Colons and upper case, as openssl prints it, name the same trusted CA.
                Mapping(string.Join(':', Convert.ToHexString(_certificates.CustomsCa.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
                    .Chunk(2).Select(pair => new string(pair))), subject: null),
            ],
        };

        var reported = IdentityStartupReport.MappingsOfNoTrustedCa(options, [_certificates.OfficersCa, _certificates.CustomsCa]).ToList();

        var (index, subject, fingerprint) = Assert.Single(reported);
        Assert.Equal(1, index);
        Assert.Equal("CN=ch-customs", subject);
        Assert.Equal(CertificateIdentityMap.Sha256Thumbprint(_certificates.RogueCa), fingerprint);
    }

    [Fact]
    public void A_CA_wide_mapping_of_an_untrusted_CA_is_reported_as_any_certificate_of_it()
    {
        var options = new IdentityOptions { Clients = [Mapping(CertificateIdentityMap.Sha256Thumbprint(_certificates.RogueCa), subject: null)] };

        var (_, subject, _) = Assert.Single(IdentityStartupReport.MappingsOfNoTrustedCa(options, [_certificates.OfficersCa]));

        Assert.Equal("any certificate of that CA", subject);
    }

    [Fact]
    public async Task A_production_gateway_warns_at_startup_of_the_mapping_of_an_untrusted_CA_only()
    {
        var settings = _certificates.ProductionConfiguration();
        settings["Identity:Clients:1:IssuerThumbprintSha256"] = CertificateIdentityMap.Sha256Thumbprint(_certificates.RogueCa);
        settings["Identity:Clients:1:Subject"] = "CN=ch-customs";
        settings["Identity:Clients:1:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        settings["Identity:Clients:1:Role"] = "CustomsOfficer";

        await using var host = await GatewayHost.StartAsync(settings, new FakeTimeProvider(CertificateSet.Now));

        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("none of Tls:TrustedCaFiles", StringComparison.Ordinal));
        Assert.StartsWith("Identity:Clients:1 (CN=ch-customs)", warning.Message, StringComparison.Ordinal);
    }

    private static ClientCertificateMapping Mapping(string fingerprint, string? subject) => new()
    {
        IssuerThumbprintSha256 = fingerprint,
        Subject = subject,
        Authority = "0x" + new string('1', 40),
        Role = CallerRole.IssuingOfficer,
    };
}
