using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Testing;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>A wrong Chain section stops the gateway at startup with a message naming the setting, never a secret.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ChainConfigurationTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task A_wrong_keystore_password_stops_startup_without_showing_the_password()
    {
        const string wrongPassword = "not-the-password-4711";
        using var directory = new TemporaryDirectory();
        var passwordFile = Path.Combine(directory.Path, "wrong.txt");
        await File.WriteAllTextAsync(passwordFile, wrongPassword);
        var settings = new Dictionary<string, string?>(network.Settings) { ["Chain:Keystores:0:PasswordFile"] = passwordFile };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));
        var message = error.ToString();
        Assert.Contains(network.Settings["Chain:Keystores:0:KeystorePath"]!, message);
        Assert.DoesNotContain(wrongPassword, message);
    }

    [Fact]
    public async Task Without_a_reachable_node_reads_and_writes_are_unavailable_and_retryable()
    {
        var settings = new Dictionary<string, string?>(network.Settings) { ["Chain:RpcUrls:0"] = $"http://127.0.0.1:{FreePort.Next()}" };
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);

        var read = await Assert.ThrowsAsync<RpcException>(() => permits.VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = Permits.NewId() }, LedgerNetworkFixture.As(Officials.FrCustoms)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, read.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => permits.RegisterPermitAsync(
            Permits.Register(Permits.ExportDraft(Permits.NewId())), LedgerNetworkFixture.As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, write.StatusCode);
        Assert.Contains("retry", write.Status.Detail);
    }

    [Fact]
    public async Task Keys_of_several_countries_start_only_by_the_test_only_option()
    {
        var settings = new Dictionary<string, string?>(network.Settings) { ["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "false" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("refuses to start", error.Message);
        Assert.Contains($"{network.AccountOf(Officials.ChIssuer).ToChecksumHex()}: Issuer of CH, Active", error.Message);
        Assert.Contains($"{network.AccountOf(Officials.FrCustoms).ToChecksumHex()}: Customs of FR, Active", error.Message);
    }

    [Fact]
    public async Task Without_a_reachable_node_the_keyring_check_waits_and_the_gateway_starts()
    {
        // The gateway starts while its node is down (it answers UNAVAILABLE); the check cannot run then.
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "false",
            ["Chain:RpcUrls:0"] = $"http://127.0.0.1:{FreePort.Next()}",
        };

        await using var gateway = await GatewayHost.StartAsync(settings);

        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var read = await Assert.ThrowsAsync<RpcException>(() => new PermitService.PermitServiceClient(channel).VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = Permits.NewId() }, LedgerNetworkFixture.As(Officials.FrCustoms)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, read.StatusCode);
    }

    [Fact]
    public async Task Missing_contract_addresses_and_nodes_are_named()
    {
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Chain:DeploymentRecordFile"] = "",
            ["Chain:RpcUrls:0"] = "ftp://example",
        };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(settings));
        Assert.Contains("Chain:PermitRegistry", error.Message);
        Assert.Contains("Chain:RpcUrls:0", error.Message);
    }
}
