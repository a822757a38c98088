using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// A shipment or arrival the chain already holds, sent again under a new request ID (a client
/// that lost its request ID), is answered from the chain without sending a transaction.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ShipmentReplayTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Recording_a_recorded_shipment_again_sends_nothing_and_returns_the_first_transaction()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId, 10, 5)), As(Officials.ChIssuer));
        var first = await network.Permits.RecordShipmentAsync(Shipment(permitId, "AWB-R1", "3", "0"), As(Officials.ChCustoms));
        var nonce = await network.NonceOfAsync(Officials.ChCustoms);

        var again = await network.Permits.RecordShipmentAsync(Shipment(permitId, "AWB-R1", "3", "0"), As(Officials.ChCustoms));

        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChCustoms));
        Assert.True(again.AlreadyRecorded);
        Assert.True(again.Receipt.Replayed);
        Assert.Equal(first.Receipt.TxHash, again.Receipt.TxHash);
        Assert.Equal(first.Receipt.BlockNumber, again.Receipt.BlockNumber);
        Assert.Equal(first.ShipmentRefHash, again.ShipmentRefHash);
        Assert.Equal(["7", "5"], again.Lines.Select(l => l.Remaining));
        Assert.Equal(1u, again.ShipmentsUsed);
        Assert.Equal(["PermitRegistered", "ShipmentRecorded"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task Confirming_a_confirmed_arrival_again_sends_nothing_and_returns_the_first_transaction()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId, 10)), As(Officials.ChIssuer));
        var first = await network.Permits.ConfirmArrivalAsync(Arrival(permitId, "AWB-R2", "4"), As(Officials.FrCustoms));
        var nonce = await network.NonceOfAsync(Officials.FrCustoms);

        var again = await network.Permits.ConfirmArrivalAsync(Arrival(permitId, "AWB-R2", "4"), As(Officials.FrCustoms));

        Assert.Equal(nonce, await network.NonceOfAsync(Officials.FrCustoms));
        Assert.True(first.ConsumedPermit);
        Assert.True(again.AlreadyRecorded);
        Assert.True(again.Receipt.Replayed);
        Assert.True(again.ConsumedPermit, "the first confirmation consumed the permit; the answer says so again");
        Assert.Equal(first.Receipt.TxHash, again.Receipt.TxHash);
        Assert.Equal(["6"], again.Lines.Select(l => l.Remaining));
        Assert.Equal(["PermitRegistered", "ArrivalConfirmed"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task The_same_reference_with_other_quantities_is_still_refused_without_sending()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId, 10)), As(Officials.ChIssuer));
        await network.Permits.RecordShipmentAsync(Shipment(permitId, "AWB-R3", "3"), As(Officials.ChCustoms));
        var nonce = await network.NonceOfAsync(Officials.ChCustoms);

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => network.Permits.RecordShipmentAsync(Shipment(permitId, "AWB-R3", "4"), As(Officials.ChCustoms)).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChCustoms));
    }

    private static RecordShipmentRequest Shipment(string permitId, string reference, params string[] quantities) => new()
    {
        RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { Permits.Lines(quantities) },
    };

    private static ConfirmArrivalRequest Arrival(string permitId, string reference, params string[] quantities) => new()
    {
        RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { Permits.Lines(quantities) },
    };
}
