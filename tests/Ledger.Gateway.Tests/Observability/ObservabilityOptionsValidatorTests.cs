using Ledger.Gateway.Hosting;
using Ledger.Gateway.Observability;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Observability;

public sealed class ObservabilityOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(GatewayMode mode, string address, bool declared = false, int port = 9464) =>
        new ObservabilityOptionsValidator(Options.Create(new GatewayOptions { Mode = mode, Port = 7443 }))
            .Validate(null, new ObservabilityOptions { MetricsListenAddress = address, MetricsPort = port, AllowPlaintextMetricsOnPrivateNetwork = declared });

    [Fact]
    public void A_production_metrics_listener_off_loopback_is_refused_until_declared_private()
    {
        var refused = Validate(GatewayMode.Production, "172.16.100.30");

        Assert.True(refused.Failed);
        Assert.Contains("Observability:AllowPlaintextMetricsOnPrivateNetwork=true", Assert.Single(refused.Failures!), StringComparison.Ordinal);
        Assert.True(Validate(GatewayMode.Production, "172.16.100.30", declared: true).Succeeded);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Every_address_is_refused_in_production_even_when_declared(string address)
    {
        var result = Validate(GatewayMode.Production, address, declared: true);

        Assert.True(result.Failed);
        Assert.Contains("every address of this machine", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_or_no_listener_passes_in_production_and_a_devnet_listener_must_be_loopback()
    {
        Assert.True(Validate(GatewayMode.Production, "127.0.0.1").Succeeded);
        Assert.True(Validate(GatewayMode.Production, "").Succeeded);
        Assert.True(Validate(GatewayMode.Devnet, "127.0.0.2").Succeeded);
        Assert.Contains("Devnet gateway listens on loopback only", Validate(GatewayMode.Devnet, "172.16.100.30", declared: true).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_address_or_the_gateways_own_port_is_refused_naming_the_setting()
    {
        Assert.Contains("Observability:MetricsListenAddress 'metrics.local' is not an IP address", Validate(GatewayMode.Production, "metrics.local").FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Observability:MetricsPort 7443 is the gateway's own port", Validate(GatewayMode.Production, "127.0.0.1", port: 7443).FailureMessage, StringComparison.Ordinal);
    }
}
