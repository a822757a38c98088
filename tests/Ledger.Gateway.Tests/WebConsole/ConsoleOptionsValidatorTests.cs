using Ledger.Console.Hosting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.WebConsole;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.WebConsole;

/// <summary>
/// The console's public base URL: the paper copy's QR code opens it. A Production console must
/// have one, since the fallback (the request's Host header) is what the caller sent.
/// </summary>
public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void A_production_console_without_a_public_base_URL_is_refused_and_with_one_accepted()
    {
        var missing = Problems(GatewayMode.Production, "");

        Assert.Contains(missing, p => p.StartsWith("Console:PublicBaseUrl is empty: in Production mode", StringComparison.Ordinal));
        Assert.Empty(Problems(GatewayMode.Production, "https://verify.ch.example/"));
    }

    [Fact]
    public void A_devnet_console_may_leave_it_empty_and_take_plain_http()
    {
        Assert.Empty(Problems(GatewayMode.Devnet, ""));
        Assert.Empty(Problems(GatewayMode.Devnet, "http://127.0.0.1:6081/"));
    }

    [Theory]
    [InlineData("http://verify.ch.example/")]
    [InlineData("verify.ch.example")]
    public void A_production_public_base_URL_must_be_absolute_https(string url) =>
        Assert.Contains(Problems(GatewayMode.Production, url), p => p.Contains("must be an absolute https:// URL", StringComparison.Ordinal)
            && !p.Contains("or empty", StringComparison.Ordinal));

    private static IEnumerable<string> Problems(GatewayMode mode, string publicBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chain:RpcUrls:0"] = "http://127.0.0.1:9" }).Build();
        var validator = new ConsoleOptionsValidator(Options.Create(new GatewayOptions { Mode = mode, Port = 7443 }), configuration);
        return validator.Validate(null, new ConsoleOptions { ListenAddress = "127.0.0.1", Port = 0, PublicBaseUrl = publicBaseUrl }).Failures ?? [];
    }
}
