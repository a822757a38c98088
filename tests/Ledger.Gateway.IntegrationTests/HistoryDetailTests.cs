using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>History entries carry the details permits.proto promises for their kind, and no others.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class HistoryDetailTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task The_registered_entry_carries_what_was_anchored()
    {
        var permitId = Permits.NewId();
        var draft = Permits.ExportDraft(permitId, 10, 7);
        draft.Type = PermitType.CitesCertificate;
        draft.MaxShipments = 3;
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));

        var history = await network.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = permitId }, As(Officials.Observer));

        var entry = Assert.Single(history.Entries);
        Assert.Equal(PermitEventKind.Registered, entry.Kind);
        var details = entry.Registration;
        Assert.Equal(registered.Permit.DocumentHash, details.DocumentHash);
        Assert.Equal(PermitType.CitesCertificate, details.Type);
        Assert.Equal(draft.ValidFrom, details.ValidFrom);
        Assert.Equal(draft.ValidUntil, details.ValidUntil);
        Assert.Equal("FR", details.DestinationCountry);
        Assert.Equal(["10", "7"], details.Authorised);
        Assert.Equal(3u, details.MaxShipments);
        Assert.Equal("", details.PreviousPermitKey);
    }

    [Fact]
    public async Task A_replacement_registration_names_the_permit_it_replaces_and_a_shipment_claims_no_arrival_consumption()
    {
        var oldId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(oldId, 4)), As(Officials.ChIssuer));
        var newId = Permits.NewId();
        var replaced = await network.Permits.ReplacePermitAsync(
            new ReplacePermitRequest { RequestId = Permits.NewRequestId(), PermitId = oldId, Replacement = Permits.ExportDraft(newId, 4) }, As(Officials.ChIssuer));
        await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = newId, ShipmentReference = "AWB-H1", Quantities = { Permits.Lines("1") },
        }, As(Officials.ChCustoms));

        var history = await network.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = newId }, As(Officials.Observer));

        Assert.Equal([PermitEventKind.Registered, PermitEventKind.ShipmentRecorded], history.Entries.Select(e => e.Kind));
        var oldKey = (await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = oldId }, As(Officials.Observer))).PermitKey;
        Assert.Equal(oldKey, history.Entries[0].Registration.PreviousPermitKey);
        Assert.Equal(["4"], history.Entries[0].Registration.Authorised);
        Assert.Equal(replaced.Replacement.DocumentHash, history.Entries[0].Registration.DocumentHash);
        Assert.False(history.Entries[1].Shipment.ConsumedPermit, "consumed_permit is documented for arrivals only");
        Assert.Equal(["1"], history.Entries[1].Shipment.Quantities);
    }
}
