using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.Tls;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Identity;

public sealed class IdentityWiringTests : IDisposable
{
    private readonly CertificateSet _pki = new();

    public void Dispose() => _pki.Dispose();

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName));
        services.AddLedgerTls(configuration);
        services.AddLedgerIdentity(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Production_mode_authenticates_callers_by_certificate_and_devnet_mode_by_header()
    {
        using var production = Services(_pki.ProductionConfiguration());
        using var devnet = Services(new()
        {
            ["Gateway:Mode"] = "Devnet",
            ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
        });

        var productionScheme = await production.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync();
        var devnetScheme = await devnet.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync();

        Assert.Equal(CertificateAuthenticationDefaults.AuthenticationScheme, productionScheme?.Name);
        Assert.Equal(DevHeaderAuthenticationHandler.SchemeName, devnetScheme?.Name);
        Assert.Throws<InvalidOperationException>(() => production.GetRequiredService<DevHeaderIdentityResolver>());
    }

    [Fact]
    public void Production_options_report_every_problem_with_its_configuration_path()
    {
        using var services = Services(new()
        {
            ["Gateway:Mode"] = "Production",
            ["Identity:Clients:0:Subject"] = "CN=officer-17",
            ["Identity:Clients:0:Authority"] = "0x1234",
            ["Identity:Clients:1:IssuerThumbprintSha256"] = "abc",
            ["Identity:Clients:1:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:Clients:1:Role"] = "IssuingOfficer",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdentityOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Identity:Clients:0: set IssuerThumbprintSha256 to the SHA-256 fingerprint"));
        Assert.Contains(error.Failures, f => f.StartsWith("Identity:Clients:0:Authority '0x1234'"));
        Assert.Contains(error.Failures, f => f.StartsWith("Identity:Clients:0:Role must be one of ReadOnly, IssuingOfficer, CustomsOfficer"));
        Assert.Contains(error.Failures, f => f.StartsWith("Identity:Clients:1:IssuerThumbprintSha256 must be 64 hex digits"));
    }

    [Fact]
    public void Production_refuses_a_mapping_naming_its_ca_by_subject_alone_saying_why_and_how_to_get_the_fingerprint()
    {
        var settings = _pki.ProductionConfiguration();
        settings.Remove("Identity:Clients:0:IssuerThumbprintSha256");
        settings["Identity:Clients:0:IssuerSubject"] = _pki.OfficersCa.Subject;
        using var services = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdentityOptions>>().Value);

        var problem = Assert.Single(error.Failures);
        Assert.StartsWith("Identity:Clients:0: IssuerSubject alone does not name one CA: two trusted CAs may share a subject", problem, StringComparison.Ordinal);
        Assert.Contains("'openssl x509 -noout -fingerprint -sha256 -in ca.crt'", problem);
    }

    [Fact]
    public void Production_accepts_a_mapping_naming_its_ca_by_fingerprint_with_or_without_its_subject()
    {
        var byFingerprint = _pki.ProductionConfiguration();
        var byBoth = _pki.ProductionConfiguration();
        byBoth["Identity:Clients:0:IssuerSubject"] = _pki.OfficersCa.Subject;
        using var fingerprintOnly = Services(byFingerprint);
        using var fingerprintAndSubject = Services(byBoth);

        var first = fingerprintOnly.GetRequiredService<IOptions<IdentityOptions>>().Value.Clients.Single();
        var second = fingerprintAndSubject.GetRequiredService<IOptions<IdentityOptions>>().Value.Clients.Single();

        Assert.Equal(CertificateIdentityMap.Sha256Thumbprint(_pki.OfficersCa), first.IssuerThumbprintSha256);
        Assert.Null(first.IssuerSubject);
        Assert.Equal(_pki.OfficersCa.Subject, second.IssuerSubject);
    }

    [Fact]
    public void Production_refuses_two_mappings_of_one_fingerprint_and_subject_even_when_their_issuer_subjects_differ()
    {
        var settings = _pki.ProductionConfiguration();
        settings["Identity:Clients:1:IssuerThumbprintSha256"] = settings["Identity:Clients:0:IssuerThumbprintSha256"];
        settings["Identity:Clients:1:IssuerSubject"] = "CN=Some Other Name";
        settings["Identity:Clients:1:Authority"] = settings["Identity:Clients:0:Authority"];
        settings["Identity:Clients:1:Role"] = "ReadOnly";
        using var services = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdentityOptions>>().Value);

        Assert.Equal("Identity:Clients:1 maps the same issuer and subject as an earlier entry; keep one.", Assert.Single(error.Failures));
    }

    [Fact]
    public void Devnet_options_need_at_least_one_identity_and_valid_names()
    {
        using var empty = Services(new() { ["Gateway:Mode"] = "Devnet" });
        using var badName = Services(new()
        {
            ["Gateway:Mode"] = "Devnet",
            ["Identity:DevIdentities:ch issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch issuer:Role"] = "IssuingOfficer",
        });

        Assert.Contains("DevIdentities is empty", Assert.Throws<OptionsValidationException>(() => empty.GetRequiredService<IOptions<IdentityOptions>>().Value).Message);
        Assert.Contains("Identity:DevIdentities:ch issuer: names are", Assert.Throws<OptionsValidationException>(() => badName.GetRequiredService<IOptions<IdentityOptions>>().Value).Message);
    }

    [Fact]
    public void Tls_options_name_missing_files_in_production_only()
    {
        using var production = Services(new() { ["Gateway:Mode"] = "Production", ["Tls:ServerCertificateFile"] = _pki.File("missing.pem") });
        using var devnet = Services(new() { ["Gateway:Mode"] = "Devnet" });

        var error = Assert.Throws<OptionsValidationException>(() => production.GetRequiredService<IOptions<TlsOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("missing.pem") && f.Contains("does not exist"));
        Assert.Contains(error.Failures, f => f.StartsWith("Tls:ServerKeyFile is not set"));
        Assert.Contains(error.Failures, f => f.StartsWith("Tls:TrustedCaFiles is empty"));
        Assert.Empty(devnet.GetRequiredService<IOptions<TlsOptions>>().Value.TrustedCaFiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79C")]
    [InlineData("70997970C51812dc3A010C7d01b50e0d17dc79C8aa")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79Cg")]
    public void A_caller_identity_needs_a_well_formed_authority_address(string address)
    {
        Assert.Throws<ArgumentException>(() => CallerIdentity.FromDevnetName(address, CallerRole.ReadOnly, "someone"));
    }
}
