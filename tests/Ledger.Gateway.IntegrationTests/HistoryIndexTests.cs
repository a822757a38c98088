using Ledger.Api.V1;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using Ledger.Core.Permits;
using CancelReason = Ledger.Api.V1.CancelReason;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// GetPermitHistory answers from the follower's index: the same events, in the same order,
/// as a scan of the chain's logs, both live and after a restart (once the backfill is done).
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class HistoryIndexTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task The_index_answers_as_a_chain_scan_does_live_and_after_a_restart()
    {
        var ids = new[] { Permits.NewId(), Permits.NewId(), Permits.NewId() };
        foreach (var id in ids)
            await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(id)), As(Officials.ChIssuer));
        await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = ids[0], ShipmentReference = "AWB-IDX-1", Quantities = { Permits.Lines("1", "0") },
        }, As(Officials.ChCustoms));
        await network.Permits.CancelPermitAsync(new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = ids[1], Reason = CancelReason.Fraud },
            As(Officials.ChIssuer));
        var head = await network.Devnet.Client.GetBlockNumberAsync();
        var keys = ids.Select(id => PermitId.Parse(id).Key).ToArray();

        await AssertIndexMatchesScanAsync(network.Gateway, keys, head);

        var settings = new Dictionary<string, string?>(network.Settings);
        await using var restarted = await GatewayHost.StartAsync(settings);
        var index = restarted.Services.GetRequiredService<PermitLogIndex>();
        var first = restarted.Services.GetRequiredService<LedgerChain>().FirstBlock;
        await Eventually.TrueAsync(() => Task.FromResult(index.Covered is { } c && c.From == first && c.To >= head),
            TimeSpan.FromSeconds(20), "the restarted gateway's index is backfilled and caught up");
        await AssertIndexMatchesScanAsync(restarted, keys, head);
    }

    [Fact]
    public async Task GetPermitHistory_pages_through_the_indexed_events()
    {
        var id = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(id, 10, 5)), As(Officials.ChIssuer));
        await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = id, ShipmentReference = "AWB-IDX-2", Quantities = { Permits.Lines("1", "0") },
        }, As(Officials.ChCustoms));

        var page1 = await network.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = id, PageSize = 1 }, As(Officials.Observer));
        var page2 = await network.Permits.GetPermitHistoryAsync(
            new GetPermitHistoryRequest { PermitId = id, PageSize = 1, PageToken = page1.NextPageToken }, As(Officials.Observer));

        Assert.Equal(PermitEventKind.Registered, Assert.Single(page1.Entries).Kind);
        Assert.Equal(PermitEventKind.ShipmentRecorded, Assert.Single(page2.Entries).Kind);
        Assert.NotEmpty(page1.NextPageToken);
    }

    private static async Task AssertIndexMatchesScanAsync(GatewayHost gateway, PermitKey[] keys, ulong head)
    {
        var index = gateway.Services.GetRequiredService<PermitLogIndex>();
        var events = gateway.Services.GetRequiredService<LedgerEventLog>();
        var first = gateway.Services.GetRequiredService<LedgerChain>().FirstBlock;
        await Eventually.TrueAsync(() => Task.FromResult(index.Covered is { } c && c.To >= head), TimeSpan.FromSeconds(20), "the follower indexed through the head");
        foreach (var key in keys)
        {
            var indexed = await index.ReadAsync(key, first, head, CancellationToken.None).Select(Describe).ToListAsync();
            var scanned = await events.ReadAsync(key, first, head, CancellationToken.None).Select(Describe).ToListAsync();
            Assert.NotEmpty(scanned);
            Assert.Equal(scanned, indexed);
        }
    }

    private static string Describe(Ledger.Contracts.ContractEvent e) => $"{e.Log.BlockNumber}/{e.Log.LogIndex} {e.Log.TransactionHash} {e}";
}
