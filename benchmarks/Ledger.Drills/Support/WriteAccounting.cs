using System.Globalization;

namespace Ledger.Drills.Support;

/// <summary>Writes lost and doubled, from the chain's tally of the writes the clients attempted.</summary>
internal sealed record WriteAccount(int Lost, int Doubled, string Notes);

/// <summary>
/// Counts lost and doubled writes from the chain. A write is lost when a client was told it
/// succeeded, or it should have succeeded, and the chain has no shipment for it; a permit has
/// doubled writes when the chain holds more shipments (events, or its own counters) than
/// distinct writes landed on it.
/// </summary>
internal static class WriteAccounting
{
    /// <summary>For drills where every write is valid and must land exactly once, whatever fault the clients retried through.</summary>
    public static async Task<WriteAccount> EveryWriteOnceAsync(IShipmentLedger tally, IReadOnlyList<ShipmentWrite> writes, IReadOnlyList<WriteOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var lost = 0;
        var refusedButLanded = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            var landed = tally.TimesRecorded(writes[i].PermitId, writes[i].Reference) > 0;
            lost += landed ? 0 : 1;
            refusedButLanded += landed && outcomes[i].End != WriteEnd.Succeeded ? 1 : 0;
        }
        var doubled = 0;
        foreach (var permit in writes.GroupBy(w => w.PermitId))
        {
            var landed = permit.Where(w => tally.TimesRecorded(w.PermitId, w.Reference) > 0).ToList();
            doubled += await ExcessShipmentsAsync(tally, permit.Key, landed.Count, landed.Aggregate(UInt128.Zero, (sum, w) => sum + w.Quantity), cancellationToken);
        }
        var notes = $"{OutcomeSummary.Describe(outcomes)}; landed on chain though the client was not told so: {refusedButLanded}";
        return new WriteAccount(lost, doubled, notes);
    }

    /// <summary>
    /// For a race on single-use permits: each permit must end with exactly one shipment on chain
    /// (none is a lost write: someone should have won), and every client told it won must be that one.
    /// </summary>
    public static async Task<WriteAccount> OneWinnerPerPermitAsync(IShipmentLedger tally, IReadOnlyList<ShipmentWrite> writes, IReadOnlyList<WriteOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var lost = 0;
        var doubled = 0;
        var permitsWithOneWinner = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            if (outcomes[i].End == WriteEnd.Succeeded && tally.TimesRecorded(writes[i].PermitId, writes[i].Reference) == 0)
                lost++;
        }
        foreach (var permit in writes.GroupBy(w => w.PermitId))
        {
            var (shipments, _) = await tally.CountersOfAsync(permit.Key, cancellationToken);
            var winners = Math.Max(shipments, tally.ShipmentEventsOf(permit.Key));
            lost += winners == 0 ? 1 : 0;
            doubled += Math.Max(0, winners - 1);
            permitsWithOneWinner += winners == 1 ? 1 : 0;
        }
        var permits = writes.Select(w => w.PermitId).Distinct().Count();
        var told = outcomes.Count(o => o.End == WriteEnd.Succeeded);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{permitsWithOneWinner} of {permits} permits with exactly one shipment on chain; clients told they won: {told}; {OutcomeSummary.Describe(outcomes)}");
        return new WriteAccount(lost, doubled, notes);
    }

    // Shipments on chain beyond the writes that landed: duplicate events, or counters above them.
    private static async Task<int> ExcessShipmentsAsync(IShipmentLedger tally, string permitId, int landed, UInt128 landedAmount, CancellationToken cancellationToken)
    {
        var (shipments, used) = await tally.CountersOfAsync(permitId, cancellationToken);
        var excessAmount = used > landedAmount ? (int)(used - landedAmount) : 0;
        return Math.Max(Math.Max(tally.ShipmentEventsOf(permitId) - landed, shipments - landed), Math.Max(excessAmount, 0));
    }
}
