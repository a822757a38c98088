using Ledger.Gateway.Hosting;

namespace Ledger.Gateway.Tests.Hosting;

public sealed class GatewayOptionsValidatorTests
{
    private static IEnumerable<string> Problems(GatewayOptions options) =>
        new GatewayOptionsValidator().Validate(null, options).Failures ?? [];

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Devnet_on_loopback_is_accepted(string address)
    {
        Assert.Empty(Problems(new GatewayOptions { Mode = GatewayMode.Devnet, ListenAddress = address, Port = 0 }));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.10")]
    [InlineData("::")]
    public void Devnet_on_any_other_address_is_refused(string address)
    {
        Assert.Contains(Problems(new GatewayOptions { Mode = GatewayMode.Devnet, ListenAddress = address }), p => p.Contains("loopback"));
    }

    [Fact]
    public void Production_may_listen_on_any_address_but_ports_and_sizes_are_bounded()
    {
        Assert.Empty(Problems(new GatewayOptions { Mode = GatewayMode.Production, ListenAddress = "0.0.0.0" }));
        Assert.Contains(Problems(new GatewayOptions { ListenAddress = "gateway.local" }), p => p.StartsWith("Gateway:ListenAddress 'gateway.local' is not an IP address"));
        Assert.Contains(Problems(new GatewayOptions { Port = 70000 }), p => p.StartsWith("Gateway:Port 70000"));
        Assert.Contains(Problems(new GatewayOptions { MaxRequestBytes = 1024 }), p => p.StartsWith("Gateway:MaxRequestBytes 1024"));
    }
}
