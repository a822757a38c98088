using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The keyring check (every key one country's) cannot run while no node answers at startup; it
/// then runs before the first write is signed, and nothing is signed until it passed.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class KeyringCheckAfterOutageTests(LedgerNetworkFixture network)
{
    private static readonly TimeSpan NodeBack = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Keys_of_several_countries_sign_nothing_once_the_node_that_was_down_at_startup_answers()
    {
        await using var node = new NodeRelay(network.Devnet.RpcUrl);
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "false",
            ["Chain:RpcUrls:0"] = node.Url.ToString(),
        };
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        var permitId = Permits.NewId();

        var whileDown = await RegisterAsync(permits, permitId);
        node.Start();
        var refused = await FirstAnswerOnceUpAsync(permits, permitId);

        Assert.Equal(StatusCode.Unavailable, whileDown!.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, refused!.StatusCode);
        Assert.StartsWith("This gateway refuses to sign: ", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"{network.AccountOf(Officials.FrCustoms).ToChecksumHex()}: Customs of FR, Active", refused.Status.Detail, StringComparison.Ordinal);
        var verified = await permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, LedgerNetworkFixture.As(Officials.ChIssuer));
        Assert.Null(verified.Issuer);
    }

    [Fact]
    public async Task One_authority_s_keys_sign_once_the_node_that_was_down_at_startup_answers()
    {
        await using var node = new NodeRelay(network.Devnet.RpcUrl);
        var settings = network.SettingsWithOnlyKeystoreOf(Officials.ChIssuer);
        settings["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "false";
        settings["Chain:RpcUrls:0"] = node.Url.ToString();
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        var permitId = Permits.NewId();

        node.Start();
        var failure = await FirstAnswerOnceUpAsync(permits, permitId);

        Assert.Null(failure);
        var verified = await permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, LedgerNetworkFixture.As(Officials.ChIssuer));
        Assert.Equal(VerificationStatus.Valid, verified.Status);
    }

    /// <summary>The first answer to the registration other than UNAVAILABLE (null: registered), while the node comes back.</summary>
    private static async Task<RpcException?> FirstAnswerOnceUpAsync(PermitService.PermitServiceClient permits, string permitId)
    {
        var deadline = DateTime.UtcNow + NodeBack;
        while (true)
        {
            var failure = await RegisterAsync(permits, permitId);
            if (failure?.StatusCode != StatusCode.Unavailable || DateTime.UtcNow > deadline)
                return failure;
            await Task.Delay(100);
        }
    }

    private static async Task<RpcException?> RegisterAsync(PermitService.PermitServiceClient permits, string permitId)
    {
        try
        {
            await permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), LedgerNetworkFixture.As(Officials.ChIssuer));
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
