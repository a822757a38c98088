using Ledger.Gateway.Health;
using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.Tls;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Health;

public sealed class CertificateExpiryHealthCheckTests : IDisposable
{
    // The server certificate is valid from Now - 1 day for 90 days; the CAs for 400 days.
    private readonly CertificateSet _pki = new(serverValidity: TimeSpan.FromDays(90));
    private readonly FakeTimeProvider _time = new(CertificateSet.Now);

    public void Dispose() => _pki.Dispose();

    private CertificateExpiryHealthCheck Check()
    {
        var tls = Options.Create(new TlsOptions
        {
            ServerCertificateFile = _pki.ServerCertificateFile,
            ServerKeyFile = _pki.ServerKeyFile,
            TrustedCaFiles = [_pki.OfficersCaFile, _pki.CustomsCaFile],
        });
        var inventory = new TlsCertificateInventory(
            new ServerCertificateProvider(tls, _time, NullLogger<ServerCertificateProvider>.Instance),
            new TrustedCertificateAuthorities(tls, _time));
        return new CertificateExpiryHealthCheck(inventory, Options.Create(new CertificateExpiryOptions()), _time);
    }

    private static Task<HealthCheckResult> Run(CertificateExpiryHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Healthy_then_degraded_thirty_days_before_expiry_then_unhealthy_once_expired()
    {
        var check = Check();
        var expiry = CertificateSet.Now.AddDays(89);

        var fresh = await Run(check);
        _time.SetUtcNow(expiry.AddDays(-30).AddMinutes(-1));
        var justBeforeWindow = await Run(check);
        _time.SetUtcNow(expiry.AddDays(-30));
        var inWindow = await Run(check);
        _time.SetUtcNow(expiry);
        var expired = await Run(check);

        Assert.Equal(HealthStatus.Healthy, fresh.Status);
        Assert.Equal(HealthStatus.Healthy, justBeforeWindow.Status);
        Assert.Equal(HealthStatus.Degraded, inWindow.Status);
        Assert.Contains($"server certificate '{_pki.ServerCertificateFile}' expires on 2026-05-29 12:00 UTC (in 30 days)", inWindow.Description);
        Assert.Equal(HealthStatus.Unhealthy, expired.Status);
        Assert.Contains($"server certificate '{_pki.ServerCertificateFile}' expired on 2026-05-29 12:00 UTC", expired.Description);
    }

    [Fact]
    public async Task A_server_certificate_not_yet_valid_is_unhealthy()
    {
        _pki.WriteServer("CN=gateway-a.ledger.test", CertificateSet.Now.AddDays(2), CertificateSet.Now.AddDays(200));

        var result = await Run(Check());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("is not valid until 2026-03-03 12:00 UTC", result.Description);
    }

    [Fact]
    public async Task An_expiring_trusted_ca_degrades_health_by_name()
    {
        _pki.WriteServer("CN=gateway-a.ledger.test", CertificateSet.Now.AddDays(-1), CertificateSet.Now.AddDays(399));
        _time.SetUtcNow(CertificateSet.Now.AddDays(380));

        var result = await Run(Check());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("trusted CA 'CN=FOEN Officers CA, O=FOEN, C=CH'", result.Description);
        Assert.Contains("trusted CA 'CN=BAZG Customs CA, O=BAZG, C=CH'", result.Description);
    }

    [Fact]
    public void Without_certificates_devnet_is_healthy()
    {
        var result = CertificateExpiryHealthCheck.Evaluate([], CertificateSet.Now, TimeSpan.FromDays(30));

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }
}
