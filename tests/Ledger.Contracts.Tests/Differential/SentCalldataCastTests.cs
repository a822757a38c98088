using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Tests.Devnet;
using Ledger.Testing;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>What the bindings put on chain: the input of mined transactions equals <c>cast calldata</c> for the same call.</summary>
public sealed class SentCalldataCastTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task Mined_transactions_carry_the_calldata_cast_makes()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [12, 34]);
        var shipmentRef = TestData.RandomHash();
        var actorRef = TestData.RandomHash();
        var agency = TestData.RandomAddress();
        var code = AuthorityCode.FromText("SW");

        var registered = await Net.IssuerCH.Permits.RegisterAsync(permit);
        var shipped = await Net.CustomsCH.Permits.RecordShipmentAsync(permit.Key, shipmentRef, [2, 3], actorRef);
        var designated = await Net.IssuerNO.Authorities.DesignateAsync(agency, AuthorityKind.SingleWindow, code);

        var expected = await CastBatch.RunAsync(
        [
            ["calldata", "register((bytes32,bytes32,uint8,uint40,uint40,bytes2,uint16,bytes32,bytes32,uint96[]))",
                $"({permit.Key},{permit.DocumentHash},0,{permit.ValidFrom},{permit.ValidUntil},0x4652,1,{Bytes32.Zero},{permit.ActorRef},[12,34])"],
            ["calldata", "recordShipment(bytes32,bytes32,uint96[],bytes32)", permit.Key.ToString(), shipmentRef.ToString(), "[2,3]", actorRef.ToString()],
            ["calldata", "designate(address,uint8,bytes32)", agency.ToString(), "4", code.ToString()],
        ]);
        Bytes32[] hashes = [registered.Hash, shipped.Outcome.Hash, designated.Hash];
        for (var i = 0; i < hashes.Length; i++)
        {
            var sent = await Net.Rpc.GetTransactionByHashAsync(hashes[i]) ?? throw new Xunit.Sdk.XunitException($"Transaction {hashes[i]} unknown.");
            Assert.Equal(expected[i], sent.Input);
        }
    }
}
