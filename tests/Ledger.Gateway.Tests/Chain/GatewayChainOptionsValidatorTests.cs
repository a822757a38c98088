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

    private static GatewayChainOptions Nodes(params string[] urls) => new()
    {
        RpcUrls = [.. urls],
        AuthorityRegistry = "0x00000000000000000000000000000000000000aa",
        PermitRegistry = "0x00000000000000000000000000000000000000bb",
    };

    [Fact]
    public void A_production_gateway_refuses_plain_http_to_another_machines_node_naming_the_entry_and_the_declaration()
    {
        var result = Validate(GatewayMode.Production, Nodes("https://node-ch.example:8545", "http://fullnode-ch:8545/key/s3cret"));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Chain:RpcUrls:1 (http://fullnode-ch:8545) is plain HTTP to another machine", failure, StringComparison.Ordinal);
        Assert.Contains("Chain:AllowPlaintextRpcOnPrivateNetwork=true", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_and_loopback_nodes_pass_in_production_without_any_declaration()
    {
        Assert.True(Validate(GatewayMode.Production, Nodes("https://node-ch.example:8545", "http://127.0.0.1:8545", "http://localhost:8545", "http://[::1]:8545")).Succeeded);
    }

    [Fact]
    public void A_plain_node_link_declared_private_passes_in_production_and_a_devnet_gateway_needs_no_declaration()
    {
        var declared = Nodes("http://node-ch:8545", "http://fullnode-ch:8545");
        declared.AllowPlaintextRpcOnPrivateNetwork = true;

        Assert.True(Validate(GatewayMode.Production, declared).Succeeded);
        Assert.True(Validate(GatewayMode.Devnet, Nodes("http://node-ch:8545")).Succeeded);
    }
}
