using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>History from chain events, and the WatchPermits stream filtered to the caller's country.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class WatchAndHistoryTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task History_lists_every_event_with_its_actor()
    {
        var permitId = Permits.NewId();
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId, 4)), As(Officials.ChIssuer));
        var shipped = await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = "AWB-H1", Quantities = { Permits.Lines("4") },
        }, As(Officials.ChCustoms));

        var history = await network.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal([PermitEventKind.Registered, PermitEventKind.ShipmentRecorded], history.Entries.Select(e => e.Kind));
        Assert.Equal(registered.Receipt.TxHash, history.Entries[0].TxHash);
        Assert.Equal(registered.Permit.DocumentHash, history.Entries[0].Registration.DocumentHash);
        Assert.Equal(network.AccountOf(Officials.ChCustoms).ToChecksumHex(), history.Entries[1].Actor.Address);
        Assert.Equal(AuthorityKind.Customs, history.Entries[1].Actor.Kind);
        Assert.Equal("CH", history.Entries[1].Actor.Country);
        Assert.Equal(shipped.Receipt.BlockNumber, history.Entries[1].BlockNumber);
        Assert.Equal(["4"], history.Entries[1].Shipment.Quantities);
        // On chain the official is only a hash: keccak256("actor:" + all-zero Devnet CA fingerprint + "|devnet|<name>").
        var actorRef = Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"actor:{new string('0', 64)}|devnet|{Officials.ChCustoms}"));
        Assert.Equal("0x" + Convert.ToHexStringLower(actorRef), history.Entries[1].ActorRef);

        var firstPage = await network.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = permitId, PageSize = 1 }, As(Officials.FrCustoms));
        var secondPage = await network.Permits.GetPermitHistoryAsync(
            new GetPermitHistoryRequest { PermitId = permitId, PageSize = 1, PageToken = firstPage.NextPageToken }, As(Officials.FrCustoms));
        Assert.Equal(history.Entries, firstPage.Entries.Concat(secondPage.Entries));
    }

    [Fact]
    public async Task A_watcher_sees_only_permits_of_its_country()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = network.Permits.WatchPermits(new WatchPermitsRequest(), As(Officials.FrCustoms).WithCancellationToken(cancel.Token));
        // The first checkpoint shows the subscription is in place before anything is registered.
        await NextEventOrCheckpointAsync(watch, cancel.Token);

        var toNorway = Permits.ExportDraft(Permits.NewId());
        toNorway.DestinationCountry = "NO";
        await network.Permits.RegisterPermitAsync(Permits.Register(toNorway), As(Officials.ChIssuer));
        var toFrance = Permits.NewId();
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(toFrance)), As(Officials.ChIssuer));

        var seen = new List<PermitEvent>();
        while (!seen.Any(e => e.PermitKey == registered.Permit.PermitKey))
        {
            if (await NextEventOrCheckpointAsync(watch, cancel.Token) is { } permitEvent)
                seen.Add(permitEvent);
        }
        Assert.All(seen, e => Assert.True(e.IssuingCountry == "FR" || e.DestinationCountry == "FR", e.ToString()));
        Assert.Equal(PermitEventKind.Registered, seen.Single(e => e.PermitKey == registered.Permit.PermitKey).Entry.Kind);
    }

    [Fact]
    public async Task A_watcher_from_a_block_first_gets_the_history()
    {
        var permitId = Permits.NewId();
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = network.Permits.WatchPermits(
            new WatchPermitsRequest { FromBlock = registered.Receipt.BlockNumber, Kinds = { PermitEventKind.Registered } },
            As(Officials.FrCustoms).WithCancellationToken(cancel.Token));
        var first = await NextEventOrCheckpointAsync(watch, cancel.Token);
        Assert.NotNull(first);
        Assert.Equal(registered.Permit.PermitKey, first.PermitKey);
        Assert.Equal(registered.Receipt.TxHash, first.Entry.TxHash);
    }

    private static async Task<PermitEvent?> NextEventOrCheckpointAsync(AsyncServerStreamingCall<WatchPermitsResponse> watch, CancellationToken ct)
    {
        Assert.True(await watch.ResponseStream.MoveNext(ct), "the watch stream ended");
        var item = watch.ResponseStream.Current;
        return item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event ? item.Event : null;
    }
}
