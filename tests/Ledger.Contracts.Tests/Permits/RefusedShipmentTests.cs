using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Binding;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Permits;
using Ledger.Contracts.Tests.Devnet;

using Nethereum.RPC.Eth.DTOs;

// recordShipment returns one bool, so any single-bool output DTO decodes it; the call reverts before that matters.
using BoolOutputDTO = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.DocumentMatchesOutputDTO;

namespace Ledger.Contracts.Tests.Permits;

/// <summary>Refused shipments surface as typed errors and consume nothing; racing offices get exactly one winner.</summary>
public sealed class RefusedShipmentTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task Recording_more_than_is_left_reports_QuantityExceeded_with_the_numbers_and_consumes_nothing()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10, 50], maxShipments: 3);
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        await Net.CustomsCH.Permits.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [4, 20], TestData.RandomHash());
        var before = await Net.Deployer.Permits.VerifyAsync(permit.Key);
        var nonceBefore = await Net.Rpc.GetTransactionCountAsync(Net.CustomsCH.Address, BlockParameter.CreatePending());

        var shipmentRef = TestData.RandomHash();
        var (error, exception) = await Expect.Refusal<QuantityExceeded>(
            () => Net.CustomsCH.Permits.RecordShipmentAsync(permit.Key, shipmentRef, [5, 31], TestData.RandomHash()));

        Assert.Equal(new QuantityExceeded(permit.Key, 1, 31, 30), error);
        Assert.False(exception.WasSent);
        Assert.Equal(Net.Deployment.PermitRegistry.Address, exception.Contract);
        Assert.Equal("recordShipment(bytes32,bytes32,uint96[],bytes32)", exception.Function);
        Assert.IsType<TransactionRevertedException>(exception.InnerException);
        Assert.Equal(
            $"recordShipment(bytes32,bytes32,uint96[],bytes32) on {Net.Deployment.PermitRegistry.Address} was refused, nothing was sent: " +
            $"QuantityExceeded {{ Key = {permit.Key}, Line = 1, Requested = 31, Remaining = 30 }}",
            exception.Message);

        var after = await Net.Deployer.Permits.VerifyAsync(permit.Key);
        Assert.Equal(before.Used, after.Used);
        Assert.Equal(before.ShipmentsUsed, after.ShipmentsUsed);
        Assert.False((await Net.Deployer.Permits.ShipmentOfAsync(permit.Key, shipmentRef)).ExportRecorded);
        Assert.Equal(nonceBefore, await Net.Rpc.GetTransactionCountAsync(Net.CustomsCH.Address, BlockParameter.CreatePending()));
    }

    [Fact]
    public async Task Two_offices_racing_for_the_last_quantity_have_exactly_one_winner()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10], maxShipments: 5);
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        Party[] offices = [Net.CustomsCH, Net.CustomsCH2];

        var attempts = offices.Select(office => Attempt(office.Permits.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [7], TestData.RandomHash()))).ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Won);
        var loser = Assert.Single(results, r => !r.Won).Refusal!;
        // Whether the loser was refused at estimation or reverted in the same block depends on timing; the error does not.
        Assert.Equal(new QuantityExceeded(permit.Key, 0, 7, 3), loser.Error);
        // Usually both pass estimation and the loser reverts on chain; its receipt then says so.
        if (loser.TransactionHash is { } reverted)
            Assert.Equal(0, (int)(await Net.Rpc.GetTransactionReceiptAsync(reverted))!.Status.Value);
        var view = await Net.Deployer.Permits.VerifyAsync(permit.Key);
        Assert.Equal(((UInt128)7, (ushort)1), (view.Used[0], view.ShipmentsUsed));
    }

    [Fact]
    public async Task A_call_that_reverts_in_eth_call_is_the_same_typed_error()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync());
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        // eth_call without a sender: msg.sender is the zero address, which is no authority.
        var channel = new ContractChannel(LedgerArtifacts.PermitRegistry, Net.Deployment.PermitRegistry.Address, Net.Rpc, sender: null);
        var call = PermitRegistryCalls.RecordShipment(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash());

        var (error, exception) = await Expect.Refusal<AuthorityNotActive>(() => channel.CallAsync<BoolOutputDTO>(call, null, CancellationToken.None));
        Assert.Equal(new AuthorityNotActive(Address.Zero, AuthorityStatus.None), error);
        Assert.False(exception.WasSent);
        Assert.IsType<RpcResponseException>(exception.InnerException);
    }

    private static async Task<(bool Won, ContractErrorException? Refusal)> Attempt(Task<TransactionResult<bool>> shipment)
    {
        try
        {
            return ((await shipment).Value, null);
        }
        catch (ContractErrorException e)
        {
            return (false, e);
        }
    }
}
