using System.Net;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>
/// A Devnet gateway (plain HTTP, identities for the asking) answers only requests that name a
/// loopback host: a page using DNS rebinding sends its own host name and is refused.
/// </summary>
public sealed class DevnetHostFilteringTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private GatewayHost? _gateway;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(TestOptions.DevnetGateway(_directory.File("checkpoints")));

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("rebound.example")]
    [InlineData("rebound.example:{port}")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("localhost.rebound.example:{port}")]
    public async Task A_request_naming_another_host_is_refused_400(string host) =>
        Assert.Equal(HttpStatusCode.BadRequest, await StatusForHostAsync(host));

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task A_request_naming_a_loopback_host_with_any_port_is_served(string host) =>
        // No identity header: the request got past host filtering to authentication.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForHostAsync(host));

    [Fact]
    public void A_peer_listener_on_another_loopback_address_is_admitted_by_that_address()
    {
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .Configure<Ledger.Gateway.Hosting.GatewayOptions>(o => { o.Mode = Ledger.Gateway.Hosting.GatewayMode.Devnet; o.ListenAddress = "127.0.0.1"; })
            .Configure<Ledger.Gateway.Peers.PeerOptions>(o => o.ListenAddress = "127.0.0.5")
            .AddDevnetHostFiltering()
            .BuildServiceProvider();

        var allowed = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>>().Value.AllowedHosts;

        Assert.Contains("127.0.0.5", allowed);
        Assert.Contains("127.0.0.1", allowed);
    }

    private async Task<HttpStatusCode> StatusForHostAsync(string host)
    {
        var address = _gateway!.Address;
        using var client = new HttpClient();
        // The API speaks HTTP/2 without TLS (prior knowledge); the Host header becomes :authority.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/no-such-route"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Host = host.Replace("{port}", address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
