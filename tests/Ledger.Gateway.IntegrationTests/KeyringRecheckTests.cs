using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;
using AuthorityKind = Ledger.Contracts.AuthorityKind;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// A gateway may hold a key nobody has designated yet beside its issuer's (a newcomer's agencies,
/// before its issuer designates them through it). If another country's issuer designates that
/// account first, the gateway would hold a foreign authority's key: the pass it started with must
/// not outlive that, so the check runs again at each write while an account is undesignated.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class KeyringRecheckTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task A_key_another_countrys_issuer_designates_after_the_first_write_stops_the_gateway_signing()
    {
        using var folder = new TemporaryDirectory();
        var undesignated = EthECKey.GenerateKey();
        var account = Address.Parse(undesignated.GetPublicAddress());
        var settings = network.SettingsWithOnlyKeystoreOf(Officials.ChIssuer);
        settings["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "false";
        File.WriteAllText(folder.File("undesignated.json"), Keystores.Encrypt(undesignated, Password, Keystores.Scrypt(1024, 8, 1)));
        settings["Chain:Keystores:1:Account"] = account.ToChecksumHex();
        settings["Chain:Keystores:1:KeystorePath"] = folder.File("undesignated.json");
        settings["Chain:Keystores:1:PasswordFile"] = settings["Chain:Keystores:0:PasswordFile"];
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);

        await permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(Permits.NewId())), As(Officials.ChIssuer));
        await DesignateAsFrenchCustomsAsync(account);
        var swissNonce = await network.NonceOfAsync(Officials.ChIssuer);
        var secondId = Permits.NewId();
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(secondId)), As(Officials.ChIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("This gateway refuses to sign: ", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"{account.ToChecksumHex()}: Customs of FR, Active", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(swissNonce, await network.NonceOfAsync(Officials.ChIssuer));
        Assert.Equal(0UL, await network.Devnet.Client.GetTransactionCountAsync(account, BlockParameter.CreatePending()));
        Assert.Null((await permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = secondId }, As(Officials.ChIssuer))).Issuer);
    }

    /// <summary>FR's issuer designates <paramref name="account"/> as its customs, straight to the contract.</summary>
    private async Task DesignateAsFrenchCustomsAsync(Address account)
    {
        var french = await TransactionSender.CreateAsync(network.Devnet.Client, network.Devnet.Accounts[Officials.All[Officials.FrIssuer].Account].Key(),
            new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
        await new AuthorityRegistryContract(network.AuthorityRegistry, network.Devnet.Client, french)
            .DesignateAsync(account, AuthorityKind.Customs, AuthorityCode.FromText("FR-RECHECK"));
    }
}
