using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>A retried write returns the first result and sends one transaction.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class RetryTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task The_same_registration_request_twice_registers_once()
    {
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        var first = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);
        var second = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));
        Assert.False(first.Receipt.Replayed);
        Assert.True(second.Receipt.Replayed);
        Assert.Equal(first.Receipt.TxHash, second.Receipt.TxHash);
        Assert.Equal(first.Permit, second.Permit);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(request.Permit.PermitId));
    }

    [Fact]
    public async Task The_same_shipment_request_twice_records_once()
    {
        var permitId = Permits.NewId();
        var draft = Permits.ExportDraft(permitId, 10);
        await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
        var request = new RecordShipmentRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = "AWB-7", Quantities = { Permits.Lines("3") } };
        var first = await network.Permits.RecordShipmentAsync(request, As(Officials.ChCustoms));
        var second = await network.Permits.RecordShipmentAsync(request, As(Officials.ChCustoms));
        Assert.Equal(first.Receipt.TxHash, second.Receipt.TxHash);
        Assert.True(second.Receipt.Replayed);
        Assert.Equal("7", second.Lines[0].Remaining);
        Assert.Equal(["PermitRegistered", "ShipmentRecorded"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task A_request_id_reused_for_other_content_is_refused()
    {
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));
        var other = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        other.RequestId = request.RequestId;
        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(other, As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("request_id", error.Status.Detail);
        Assert.Empty(await _chain.EventsAsync(other.Permit.PermitId));
    }

    [Fact]
    public async Task Registering_the_same_document_again_under_a_new_request_id_is_a_replay()
    {
        var draft = Permits.ExportDraft(Permits.NewId());
        var first = await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
        var again = await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
        Assert.True(again.Receipt.Replayed);
        Assert.Equal(first.Receipt.TxHash, again.Receipt.TxHash);

        var changed = draft.Clone();
        changed.Document = Google.Protobuf.ByteString.CopyFromUtf8("another document");
        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(Permits.Register(changed), As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(draft.PermitId));
    }
}
