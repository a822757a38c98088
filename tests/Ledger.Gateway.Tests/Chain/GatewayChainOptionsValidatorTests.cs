using Ledger.Gateway.Chain;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Chain;

public sealed class GatewayChainOptionsValidatorTests
{
    private static GatewayChainOptions SeveralCountries() => new()
    {
        RpcUrls = ["http://127.0.0.1:8545"],
        AuthorityRegistry = "0x00000000000000000000000000000000000000aa",
        PermitRegistry = "0x00000000000000000000000000000000000000bb",
        TestOnlyAllowKeysOfSeveralCountries = true,
    };

    private static ValidateOptionsResult Validate(GatewayMode mode, GatewayChainOptions options) =>
        new GatewayChainOptionsValidator(Options.Create(new GatewayOptions { Mode = mode })).Validate(null, options);

    [Fact]
    public void The_test_only_several_countries_option_is_refused_on_a_production_gateway()
    {
        var result = Validate(GatewayMode.Production, SeveralCountries());
        Assert.True(result.Failed);
        Assert.Contains("Chain:TestOnlyAllowKeysOfSeveralCountries", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_devnet_gateway_may_use_it_and_a_production_gateway_without_it_passes()
    {
        Assert.True(Validate(GatewayMode.Devnet, SeveralCountries()).Succeeded);
        var plain = SeveralCountries();
        plain.TestOnlyAllowKeysOfSeveralCountries = false;
        Assert.True(Validate(GatewayMode.Production, plain).Succeeded);
    }
}
