using Ledger.Gateway.Hosting;
using Ledger.Gateway.Stores;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(GatewayMode mode, string configuration, bool declared = false) =>
        new RedisOptionsValidator(Options.Create(new GatewayOptions { Mode = mode }))
            .Validate(null, new RedisOptions { Configuration = configuration, AllowPlaintextOnPrivateNetwork = declared });

    [Fact]
    public void A_production_gateway_refuses_a_redis_on_another_machine_without_tls_naming_the_declaration_but_not_the_password()
    {
        var result = Validate(GatewayMode.Production, "redis-ch:6379,password=hunter2");

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Redis:Configuration names redis-ch:6379 without TLS", failure, StringComparison.Ordinal);
        Assert.Contains("Redis:AllowPlaintextOnPrivateNetwork=true", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis-ch:6380,ssl=true,password=hunter2")]
    [InlineData("127.0.0.1:6379")]
    [InlineData("localhost:6379")]
    [InlineData("[::1]:6379")]
    public void Tls_or_a_redis_on_this_machine_passes_in_production_without_any_declaration(string configuration)
    {
        Assert.True(Validate(GatewayMode.Production, configuration).Succeeded);
    }

    [Fact]
    public void A_plain_redis_declared_private_passes_in_production_and_a_devnet_gateway_needs_no_declaration()
    {
        Assert.True(Validate(GatewayMode.Production, "redis-ch:6379", declared: true).Succeeded);
        Assert.True(Validate(GatewayMode.Devnet, "redis-ch:6379").Succeeded);
    }

    [Fact]
    public void A_malformed_string_is_refused_in_any_mode_even_when_declared()
    {
        var result = Validate(GatewayMode.Devnet, "127.0.0.1:6379,password=hunter2,bogusOption=1", declared: true);

        Assert.True(result.Failed);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }
}
