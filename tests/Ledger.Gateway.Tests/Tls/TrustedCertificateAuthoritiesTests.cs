using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.Tls;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Tls;

public sealed class TrustedCertificateAuthoritiesTests : IDisposable
{
    private readonly CertificateSet _pki = new();

    public void Dispose() => _pki.Dispose();

    private static TrustedCertificateAuthorities Load(params string[] files) =>
        new(Options.Create(new TlsOptions { TrustedCaFiles = [.. files] }), TimeProvider.System);

    [Fact]
    public void Every_certificate_of_every_file_is_trusted_and_remembers_its_file()
    {
        var bundle = _pki.File("bundle.pem");
        File.WriteAllText(bundle, File.ReadAllText(_pki.OfficersCaFile) + File.ReadAllText(_pki.CustomsCaFile));

        var trusted = Load(bundle);

        Assert.Equal(2, trusted.Authorities.Count);
        Assert.All(trusted.Authorities, ca => Assert.Equal(bundle, ca.SourceFile));
    }

    [Fact]
    public void A_leaf_certificate_in_a_ca_file_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(_pki.ServerCertificateFile));

        Assert.Contains("CN=gateway-a.ledger.test", error.Message);
        Assert.Contains("not a CA certificate", error.Message);
    }

    [Fact]
    public void A_file_without_certificates_is_refused()
    {
        var empty = _pki.File("empty.pem");
        File.WriteAllText(empty, "nothing here\n");

        Assert.Contains("contains no PEM certificate", Assert.Throws<InvalidOperationException>(() => Load(empty)).Message);
    }

    [Fact]
    public void Validation_names_the_issuing_ca_of_a_trusted_client()
    {
        var client = TestCertificates.CreateClient(_pki.CustomsCa, "CN=basel-officer-3");

        var result = Load(_pki.OfficersCaFile, _pki.CustomsCaFile).Validate(client);

        Assert.True(result.IsTrusted, result.Failure);
        Assert.Equal(_pki.CustomsCa.Thumbprint, result.Issuer!.Thumbprint);
    }

    [Fact]
    public void Clients_of_an_intermediate_ca_are_trusted_only_when_the_intermediate_is_listed()
    {
        var intermediate = TestCertificates.CreateIntermediate(_pki.OfficersCa, "CN=FOEN Geneva Office CA, O=FOEN, C=CH");
        var intermediateFile = _pki.File("geneva-ca.pem");
        TestCertificates.WritePem(intermediate, intermediateFile);
        var client = TestCertificates.CreateClient(intermediate, "CN=geneva-officer-2");

        var rootOnly = Load(_pki.OfficersCaFile).Validate(client);
        var withIntermediate = Load(_pki.OfficersCaFile, intermediateFile).Validate(client);

        Assert.False(rootOnly.IsTrusted);
        Assert.True(withIntermediate.IsTrusted, withIntermediate.Failure);
        Assert.Equal(intermediate.Thumbprint, withIntermediate.Issuer!.Thumbprint);
    }

    [Fact]
    public void A_trusted_ca_certificate_presented_as_a_client_is_refused()
    {
        var result = Load(_pki.OfficersCaFile).Validate(_pki.OfficersCa);

        Assert.False(result.IsTrusted);
    }

    [Fact]
    public void A_changed_ca_file_is_reloaded_at_the_next_check_and_one_that_does_not_load_keeps_the_previous()
    {
        var file = _pki.File("trust.pem");
        File.Copy(_pki.OfficersCaFile, file);
        var time = new FakeTimeProvider(CertificateSet.Now);
        var trusted = new TrustedCertificateAuthorities(
            Options.Create(new TlsOptions { TrustedCaFiles = [file], ReloadCheckInterval = TimeSpan.FromSeconds(10) }), time);
        var changed = trusted.GetChangeToken();
        var customsOfficer = TestCertificates.CreateClient(_pki.CustomsCa, "CN=basel-officer-3", CertificateSet.Now.AddDays(-1), CertificateSet.Now.AddDays(30));

        var before = trusted.Validate(customsOfficer).IsTrusted;
        File.WriteAllText(file, File.ReadAllText(_pki.OfficersCaFile) + File.ReadAllText(_pki.CustomsCaFile));
        var notYetDue = trusted.Validate(customsOfficer).IsTrusted;
        time.Advance(TimeSpan.FromSeconds(11));
        var afterCheck = trusted.Validate(customsOfficer).IsTrusted;
        var tokenFired = changed.HasChanged;
        File.WriteAllText(file, "-----BEGIN CERTIFICATE-----\ncut off mid-copy");
        time.Advance(TimeSpan.FromSeconds(11));
        var afterBrokenFile = trusted.Validate(customsOfficer).IsTrusted;

        Assert.False(before);
        Assert.False(notYetDue);
        Assert.True(afterCheck);
        Assert.True(tokenFired);
        Assert.Equal(2, trusted.Authorities.Count);
        Assert.True(afterBrokenFile);
    }
}
