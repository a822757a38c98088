using System.Diagnostics;
using System.Globalization;
using Ledger.Drills.Support;

namespace Ledger.Drills.Drills;

/// <summary>
/// Drill 4: customs at two gateways race for single-use permits, every attempt at once, each
/// with its own shipment reference. Exactly one shipment per permit may land; the others must
/// be refused cleanly (FAILED_PRECONDITION: the permit is used up).
/// </summary>
internal static class ShipmentRaceDrill
{
    /// <summary>The drill's name in the report.</summary>
    public const string Name = "concurrent shipments on single-use permits";

    /// <summary>Runs it on a devnet of its own.</summary>
    public static async Task<DrillResult> RunAsync(DrillOptions options, DrillScale scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var network = await DrillNetwork.StartAsync(options, "race", cancellationToken);
        var permits = await network.RegisterPermitsAsync(scale.RacePermits, singleUse: true, cancellationToken);
        // Permit i's attempts go alternately to the two gateways; shuffled so that every permit is raced for at once.
        var writes = ShipmentPlan.Spread("RACE", permits, scale.RaceAttempts, await ShipmentPlan.ExporterCustomsAtTwoReplicasAsync(network, cancellationToken)).ToArray();
        new Random(13).Shuffle(writes);
        var customs = network.CustomsOf(DrillNetwork.Exporter);
        var minedBefore = await network.MinedTransactionsOfAsync(customs);
        var load = new ShipmentLoad(writes, writes.Length, scale.AttemptTimeout, scale.Patience);
        var outcomes = await load.RunAsync(cancellationToken);

        var mined = await network.MinedTransactionsOfAsync(customs) - minedBefore;
        var account = await WriteAccounting.OneWinnerPerPermitAsync(await network.TallyAsync(cancellationToken), writes, outcomes, cancellationToken);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{writes.Length} attempts at once on {permits.Count} single-use permits ({writes.Length / permits.Count} each), {DrillNetwork.Exporter}'s customs at two replicas of its gateway; " +
            $"{account.Notes}; transactions mined from the customs account: {mined}");
        return new DrillResult(Name, writes.Length, account.Lost, account.Doubled, clock.Elapsed, notes);
    }
}
