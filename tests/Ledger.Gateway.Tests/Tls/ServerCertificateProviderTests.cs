using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Tls;

public sealed class ServerCertificateProviderTests : IDisposable
{
    private readonly CertificateSet _pki = new();
    private readonly FakeTimeProvider _time = new(CertificateSet.Now);
    private readonly CollectingLoggerProvider _logs = new();

    public void Dispose() => _pki.Dispose();

    private ServerCertificateProvider Provider(TimeSpan checkInterval) => new(
        Options.Create(new TlsOptions
        {
            ServerCertificateFile = _pki.ServerCertificateFile,
            ServerKeyFile = _pki.ServerKeyFile,
            ReloadCheckInterval = checkInterval,
        }),
        _time,
        _logs.CreateFactory().CreateLogger<ServerCertificateProvider>());

    [Fact]
    public void Replaced_files_are_served_at_the_next_check_and_not_before()
    {
        var provider = Provider(TimeSpan.FromSeconds(10));
        Assert.Equal(_pki.Server.Thumbprint, provider.Current.Thumbprint);

        var renewed = _pki.WriteServer("CN=gateway-a.ledger.test", CertificateSet.Now, CertificateSet.Now.AddDays(90));
        var beforeCheck = provider.Current;
        _time.Advance(TimeSpan.FromSeconds(10));
        var afterCheck = provider.Current;

        Assert.NotEqual(renewed.Thumbprint, beforeCheck.Thumbprint);
        Assert.Equal(renewed.Thumbprint, afterCheck.Thumbprint);
        Assert.True(afterCheck.HasPrivateKey);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Reloaded server certificate"));
    }

    [Fact]
    public void A_half_copied_pair_keeps_the_old_certificate_in_service_until_the_key_arrives()
    {
        var provider = Provider(TimeSpan.Zero);
        var original = provider.Current;
        var oldKey = File.ReadAllText(_pki.ServerKeyFile);
        var renewed = _pki.WriteServer("CN=gateway-b.ledger.test", CertificateSet.Now, CertificateSet.Now.AddDays(90));
        var newKey = File.ReadAllText(_pki.ServerKeyFile);
        File.WriteAllText(_pki.ServerKeyFile, oldKey);

        var duringCopy = provider.Current;
        File.WriteAllText(_pki.ServerKeyFile, newKey);
        var afterCopy = provider.Current;

        Assert.Equal(original.Thumbprint, duringCopy.Thumbprint);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("still serving CN=gateway-a.ledger.test"));
        Assert.Equal(renewed.Thumbprint, afterCopy.Thumbprint);
    }

    [Fact]
    public void Unloadable_files_at_startup_fail_with_the_file_names()
    {
        File.WriteAllText(_pki.ServerKeyFile, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        var error = Assert.Throws<InvalidOperationException>(() => Provider(TimeSpan.Zero));

        Assert.Contains(_pki.ServerCertificateFile, error.Message);
        Assert.Contains(_pki.ServerKeyFile, error.Message);
    }
}
