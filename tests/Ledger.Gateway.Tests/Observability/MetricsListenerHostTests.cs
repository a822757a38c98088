using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Observability;

/// <summary>
/// A Production gateway serves /metrics only on its operators' metrics listener: the API listener,
/// which admits any certificate its CAs sign, answers 404 even to a mapped officer. A Devnet gateway
/// keeps it on its API listener unless it is given a metrics listener too.
/// </summary>
public sealed class MetricsListenerHostTests : IDisposable
{
    private readonly CertificateSet _pki = new(serverValidity: TimeSpan.FromDays(60));

    public void Dispose() => _pki.Dispose();

    private Dictionary<string, string?> Production(params (string Key, string Value)[] extra)
    {
        var settings = _pki.ProductionConfiguration();
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    // An officer whose certificate the gateway maps: the API listener admits it, and still has no /metrics.
    private async Task<HttpStatusCode> OnApiListenerAsync(GatewayHost host)
    {
        using var officer = TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17, O=FOEN, C=CH");
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [officer],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(host.Address, "/metrics"));
        return response.StatusCode;
    }

    [Fact]
    public async Task Metrics_answer_on_the_metrics_listener_and_404_on_the_API_listener()
    {
        await using var host = await GatewayHost.StartAsync(
            Production(("Observability:MetricsListenAddress", "127.0.0.1"), ("Observability:MetricsPort", "0")), new FakeTimeProvider(CertificateSet.Now));
        using var scraper = new HttpClient();

        var onApi = await OnApiListenerAsync(host);
        using var scrape = await scraper.GetAsync(new Uri(host.MetricsAddress!, "/metrics"));
        var text = await scrape.Content.ReadAsStringAsync();
        using var otherPath = await scraper.GetAsync(new Uri(host.MetricsAddress!, "/grpc.health.v1.Health/Check"));

        Assert.Equal(HttpStatusCode.NotFound, onApi);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        // The API listener's refused request was counted: the series are this gateway's own.
        Assert.Contains("kestrel_", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherPath.StatusCode);
    }

    [Fact]
    public async Task Without_a_metrics_listener_a_production_gateway_serves_no_metrics()
    {
        await using var host = await GatewayHost.StartAsync(Production(), new FakeTimeProvider(CertificateSet.Now));

        Assert.Null(host.MetricsAddress);
        Assert.Equal(HttpStatusCode.NotFound, await OnApiListenerAsync(host));
    }

    [Fact]
    public async Task A_declared_plain_link_is_warned_about_once_at_startup()
    {
        // TEST-NET-1: nothing answers there, and nothing here connects before a store is used.
        await using var host = await GatewayHost.StartAsync(
            Production(("Redis:Configuration", "192.0.2.1:6379,password=hunter2"), ("Redis:AllowPlaintextOnPrivateNetwork", "true")),
            new FakeTimeProvider(CertificateSet.Now));

        var warnings = host.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("declared private", StringComparison.Ordinal)).ToArray();

        var warning = Assert.Single(warnings);
        Assert.Contains("Redis 192.0.2.1:6379 (Redis:AllowPlaintextOnPrivateNetwork)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_devnet_gateway_serves_metrics_on_its_API_listener_or_else_only_on_a_metrics_listener_it_is_given()
    {
        using var directory = new TemporaryDirectory();
        Dictionary<string, string?> Devnet() => new()
        {
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:ListenAddress"] = "127.0.0.1",
            ["Gateway:Port"] = "0",
            ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
            ["Stores:CheckpointDirectory"] = directory.File("checkpoints"),
        };
        // The API listener speaks HTTP/2 without TLS (prior knowledge) on a devnet.
        static async Task<HttpStatusCode> OnApiListenerAsync(GatewayHost host)
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "/metrics"))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        await using (var plain = await GatewayHost.StartAsync(Devnet()))
            Assert.Equal(HttpStatusCode.OK, await OnApiListenerAsync(plain));

        var withListener = Devnet();
        // Another loopback address than the API's: a scraper names it as the host, which devnet host filtering must admit.
        withListener["Observability:MetricsListenAddress"] = "127.0.0.2";
        withListener["Observability:MetricsPort"] = "0";
        await using var host = await GatewayHost.StartAsync(withListener);
        using var scraper = new HttpClient();
        using var scrape = await scraper.GetAsync(new Uri(host.MetricsAddress!, "/metrics"));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await OnApiListenerAsync(host));
    }
}
