using System.Numerics;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Primitives;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>A permit's life through the gateway: register, export, arrival, refused reuse; cancellation seen by the destination.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class StoryTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Export_arrival_and_refused_second_use()
    {
        var permitId = Permits.NewId();
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId, 10, 5)), As(Officials.ChIssuer));
        Assert.Equal(permitId, registered.Permit.PermitId);
        Assert.Equal("0x" + Convert.ToHexStringLower(ChainProbe.KeyOf(permitId)), registered.Permit.PermitKey);
        Assert.False(registered.Receipt.Replayed);
        var anchored = await _chain.VerifyAsync(permitId);
        Assert.Equal(network.AccountOf(Officials.ChIssuer), Address.Parse(anchored.Issuer.ToLowerInvariant()));
        Assert.Equal(registered.Permit.DocumentHash, "0x" + Convert.ToHexStringLower(anchored.DocumentHash));

        var shipment = await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(),
            PermitId = permitId,
            ShipmentReference = "AWB 724-1234 5675",
            Quantities = { Permits.Lines("10", "5") },
        }, As(Officials.ChCustoms));
        Assert.False(shipment.AlreadyRecorded);
        Assert.Equal(1u, shipment.ShipmentsUsed);
        Assert.All(shipment.Lines, line => Assert.Equal("0", line.Remaining));
        Assert.Equal([new BigInteger(10), new BigInteger(5)], await _chain.UsedAsync(permitId));

        var arrival = await network.Permits.ConfirmArrivalAsync(new ConfirmArrivalRequest
        {
            RequestId = Permits.NewRequestId(),
            PermitId = permitId,
            ShipmentReference = "AWB 724-1234 5675",
            Quantities = { Permits.Lines("10", "5") },
        }, As(Officials.FrCustoms));
        Assert.False(arrival.ConsumedPermit);
        Assert.False(arrival.AlreadyRecorded);

        var nonce = await network.NonceOfAsync(Officials.ChCustoms2);
        var reuse = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(),
            PermitId = permitId,
            ShipmentReference = "CMR 2026-0099",
            Quantities = { Permits.Lines("1", "0") },
        }, As(Officials.ChCustoms2)).ResponseAsync);
        Assert.True(reuse.StatusCode == StatusCode.FailedPrecondition, reuse.Status.ToString());
        Assert.Contains(permitId, reuse.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChCustoms2));
        Assert.Equal(["PermitRegistered", "ShipmentRecorded", "ArrivalConfirmed"], await _chain.EventsAsync(permitId));

        var verified = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.NotAvailable, verified.Status);
        Assert.Equal(VerificationReason.Exhausted, verified.Reason);
    }

    [Fact]
    public async Task Cancelled_permit_verifies_as_cancelled_at_the_destination()
    {
        var permitId = Permits.NewId();
        var draft = Permits.ExportDraft(permitId);
        await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
        var before = await network.Permits.VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = permitId, Document = draft.Document }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, before.Status);
        Assert.True(before.DocumentMatches);

        var cancelled = await network.Permits.CancelPermitAsync(new CancelPermitRequest
        {
            RequestId = Permits.NewRequestId(),
            PermitId = permitId,
            Reason = CancelReason.IssuedInError,
        }, As(Officials.ChIssuer));
        Assert.NotEmpty(cancelled.Receipt.TxHash);

        var after = await network.Permits.VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = permitId, DocumentHash = "0x" + new string('a', 64) }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Cancelled, after.Status);
        Assert.Equal(VerificationReason.Cancelled, after.Reason);
        Assert.False(after.DocumentMatches);
        Assert.Equal(2, (await _chain.VerifyAsync(permitId)).Status);
    }

    [Fact]
    public async Task A_presented_document_verdict_stays_with_its_own_answer_when_served_from_the_cache()
    {
        var permitId = Permits.NewId();
        var draft = Permits.ExportDraft(permitId);
        await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
        var plain = new VerifyPermitRequest { PermitId = permitId };
        Assert.False((await network.Permits.VerifyPermitAsync(plain, As(Officials.FrCustoms))).HasDocumentMatches);
        // Hits now: the cached answer is shared between hits, and each caller's verdict must go on a copy.
        for (var i = 0; i < 3; i++)
        {
            var withDocument = await network.Permits.VerifyPermitAsync(
                new VerifyPermitRequest { PermitId = permitId, Document = draft.Document }, As(Officials.FrCustoms));
            Assert.True(withDocument.DocumentMatches);
            var withWrongHash = await network.Permits.VerifyPermitAsync(
                new VerifyPermitRequest { PermitId = permitId, DocumentHash = "0x" + new string('b', 64) }, As(Officials.FrCustoms));
            Assert.True(withWrongHash.HasDocumentMatches);
            Assert.False(withWrongHash.DocumentMatches);
            var again = await network.Permits.VerifyPermitAsync(plain, As(Officials.FrCustoms));
            Assert.Equal(VerificationStatus.Valid, again.Status);
            Assert.False(again.HasDocumentMatches, "a verify without a document got another caller's verdict");
        }
    }

    [Fact]
    public async Task Unknown_permit_is_not_available_not_an_error()
    {
        var verified = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = Permits.NewId("FR") }, As(Officials.ChCustoms));
        Assert.Equal(VerificationStatus.NotAvailable, verified.Status);
        Assert.Equal(VerificationReason.Unknown, verified.Reason);
    }
}
