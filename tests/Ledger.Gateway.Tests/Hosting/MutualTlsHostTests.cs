using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Net.Client;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>The Production-mode host on a real Kestrel loopback port, reached over real TLS.</summary>
public sealed class MutualTlsHostTests : IDisposable
{
    private readonly CertificateSet _pki = new(serverValidity: TimeSpan.FromDays(60));

    public void Dispose() => _pki.Dispose();

    /// <summary>A health client over a fresh connection; <paramref name="seenServer"/> receives the server's certificate.</summary>
    private static (GrpcChannel Channel, HealthClient Client) Connect(
        GatewayHost host, X509Certificate2? clientCertificate, Action<X509Certificate2>? seenServer = null,
        SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seenServer?.Invoke(X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData()));
                    return true;
                },
            },
        };
        var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = handler });
        return (channel, new HealthClient(channel));
    }

    private X509Certificate2 Officer() => TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17, O=FOEN, C=CH");

    [Fact]
    public async Task A_client_with_a_trusted_certificate_gets_serving_over_tls_1_3()
    {
        var time = new FakeTimeProvider(CertificateSet.Now);
        await using var host = await GatewayHost.StartAsync(_pki.ProductionConfiguration(), time);
        var (channel, health) = Connect(host, Officer(), protocols: SslProtocols.Tls13);
        using (channel)
        {
            var response = await health.CheckAsync(new HealthCheckRequest());

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
            Assert.Equal("https", host.Address.Scheme);
        }
    }

    [Fact]
    public async Task Clients_without_a_certificate_with_an_untrusted_one_or_without_tls_1_3_are_refused()
    {
        var time = new FakeTimeProvider(CertificateSet.Now);
        await using var host = await GatewayHost.StartAsync(_pki.ProductionConfiguration(), time);
        var rogue = TestCertificates.CreateClient(_pki.RogueCa, "CN=officer-17, O=FOEN, C=CH");

        foreach (var (certificate, protocols) in new[] { (null, SslProtocols.Tls13), (rogue, SslProtocols.Tls13), (Officer(), SslProtocols.Tls12) })
        {
            var (channel, health) = Connect(host, certificate, protocols: protocols);
            using (channel)
            {
                // The TLS handshake fails, so the call never reaches the server.
                var error = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest()));
                Assert.IsType<HttpRequestException>(error.Status.DebugException);
            }
        }
    }

    [Fact]
    public async Task A_renewed_server_certificate_is_served_to_new_connections_without_a_restart()
    {
        var time = new FakeTimeProvider(CertificateSet.Now);
        await using var host = await GatewayHost.StartAsync(_pki.ProductionConfiguration(), time);
        X509Certificate2? first = null, second = null;

        var (before, beforeHealth) = Connect(host, Officer(), c => first = c);
        using (before)
            await beforeHealth.CheckAsync(new HealthCheckRequest());
        var renewed = _pki.WriteServer("CN=gateway-renewed.ledger.test", CertificateSet.Now.AddDays(-1), CertificateSet.Now.AddDays(365));
        var (after, afterHealth) = Connect(host, Officer(), c => second = c);
        using (after)
            await afterHealth.CheckAsync(new HealthCheckRequest());

        Assert.Equal("CN=gateway-a.ledger.test", first!.Subject);
        Assert.Equal(renewed.Thumbprint, second!.Thumbprint);
    }

    [Fact]
    public async Task Health_turns_not_serving_once_the_server_certificate_expires()
    {
        // Server valid 60 days; CAs and the client certificate 400 days.
        var time = new FakeTimeProvider(CertificateSet.Now);
        await using var host = await GatewayHost.StartAsync(_pki.ProductionConfiguration(), time);

        async Task<HealthCheckResponse.Types.ServingStatus> Status()
        {
            var (channel, health) = Connect(host, Officer());
            using (channel)
                return (await health.CheckAsync(new HealthCheckRequest())).Status;
        }

        time.SetUtcNow(CertificateSet.Now.AddDays(45));
        var degraded = await Status();
        time.SetUtcNow(CertificateSet.Now.AddDays(60));
        var expired = await Status();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, degraded);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, expired);
    }
}
