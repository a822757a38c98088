using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Permits;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;
using ChainPermitType = Ledger.Contracts.PermitType;
using ChainStatus = Ledger.Contracts.VerificationStatus;
using CountryBytes = Ledger.Contracts.CountryBytes;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// An issuer calling the contract directly, not through its gateway (which refuses another
/// country's number), can register another country's permit number: the contract keys permits by
/// the number's hash and only asks that the sender be an active issuer. The gateway must not call
/// what it registered VALID.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ForeignIssuerRegistrationTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task A_swiss_number_registered_by_the_french_issuer_straight_to_the_contract_is_not_available()
    {
        var (id, registry) = await SquatSwissNumberAsync(destination: "DE");

        var contract = await registry.VerifyAsync(id.Key.Value);
        var gateway = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = id.Normalised }, As(Officials.ChCustoms));

        Assert.Equal(ChainStatus.Valid, contract.Status); // the hole: the contract cannot see the number's country
        Assert.Equal(VerificationStatus.NotAvailable, gateway.Status);
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, gateway.Reason);
        Assert.Equal("FR", gateway.Issuer.Country);
        Assert.Contains("not a genuine permit", gateway.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customs_of_neither_side_may_record_against_a_swiss_number_the_french_issuer_registered()
    {
        // Destination CH: without the gateway's check, French customs could export it and Swiss customs confirm it.
        var (id, registry) = await SquatSwissNumberAsync(destination: "CH");

        var export = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = id.Normalised, ShipmentReference = "AWB-SQUAT-1", Quantities = { Permits.Lines("1") },
        }, As(Officials.FrCustoms)).ResponseAsync);
        var arrival = await Assert.ThrowsAsync<RpcException>(() => network.Permits.ConfirmArrivalAsync(new ConfirmArrivalRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = id.Normalised, ShipmentReference = "AWB-SQUAT-1", Quantities = { Permits.Lines("1") },
        }, As(Officials.ChCustoms)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, export.StatusCode);
        Assert.Contains("not a genuine permit", export.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, arrival.StatusCode);
        Assert.Equal(0, (await registry.VerifyAsync(id.Key.Value)).ShipmentsUsed);
    }

    /// <summary>FR's issuer registers a new CH number with FR's own key, straight to the contract (its gateway would refuse).</summary>
    private async Task<(PermitId Id, PermitRegistryContract Registry)> SquatSwissNumberAsync(string destination)
    {
        var id = PermitId.Parse(Permits.NewId("CH"));
        var french = await TransactionSender.CreateAsync(network.Devnet.Client, network.Devnet.Accounts[Officials.All[Officials.FrIssuer].Account].Key(),
            new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
        var registry = new PermitRegistryContract(network.PermitRegistry, network.Devnet.Client, french);
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await registry.RegisterAsync(new PermitInput(id.Key.Value, DocumentHash.Compute("<squatted/>"u8).Value, ChainPermitType.CitesExport,
            now - 3600, now + 86400, CountryBytes.FromCode(destination), 1, Bytes32.Zero, Bytes32.Zero, [(UInt128)10]));
        return (id, registry);
    }
}
