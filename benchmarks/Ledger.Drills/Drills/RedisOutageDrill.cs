using System.Diagnostics;
using System.Globalization;
using Ledger.Drills.Support;

namespace Ledger.Drills.Drills;

/// <summary>
/// Drill 1: redis-server SIGKILLed while customs at two gateways record shipments, restarted
/// empty on its port later. The gateways fall back to memory (idempotency, cache, nonces) and
/// back again; every write must land once.
/// </summary>
internal static class RedisOutageDrill
{
    /// <summary>The drill's name in the report.</summary>
    public const string Name = "redis killed under load";

    /// <summary>Runs it on a devnet of its own.</summary>
    public static async Task<DrillResult> RunAsync(DrillOptions options, DrillScale scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var network = await DrillNetwork.StartAsync(options, "redis", cancellationToken);
        var permits = await network.RegisterPermitsAsync(4, singleUse: false, cancellationToken);
        var writes = ShipmentPlan.Spread("REDIS", permits, scale.Writes, await ShipmentPlan.ExporterCustomsAtTwoReplicasAsync(network, cancellationToken));
        var customs = network.CustomsOf(DrillNetwork.Exporter);
        var minedBefore = await network.MinedTransactionsOfAsync(customs);
        var load = new ShipmentLoad(writes, scale.Clients, scale.AttemptTimeout, scale.Patience);
        var redis = network.Devnet.RedisServer ?? throw new InvalidOperationException("The drill's devnet runs without Redis.");

        var running = load.RunAsync(cancellationToken);
        await Condition.MustAsync(() => Task.FromResult(load.Finished >= writes.Count / 4), scale.Patience, "the first quarter of the writes", cancellationToken);
        var killedAfter = load.Finished;
        await redis.KillAsync();
        var down = Stopwatch.StartNew();
        // Writes must go on without Redis: wait for another quarter (or give up waiting and say so).
        var continued = await Condition.WithinAsync(() => load.Finished >= killedAfter + writes.Count / 4, scale.AttemptTimeout, cancellationToken);
        var endedWhileDown = load.Finished - killedAfter;
        await redis.StartAgainAsync(cancellationToken);
        var downFor = down.Elapsed;
        var outcomes = await running;

        var mined = await network.MinedTransactionsOfAsync(customs) - minedBefore;
        var account = await WriteAccounting.EveryWriteOnceAsync(await network.TallyAsync(cancellationToken), writes, outcomes, cancellationToken);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"redis-server SIGKILLed after {killedAfter} of {writes.Count} writes ended, down {downFor.TotalSeconds:0.0} s " +
            $"({endedWhileDown} writes ended meanwhile{(continued ? "" : ": writes did NOT go on without Redis")}), restarted empty on its port; " +
            $"{scale.Clients} clients, {DrillNetwork.Exporter}'s customs at two replicas of its gateway; {account.Notes}; transactions mined from the customs account: {mined}");
        return new DrillResult(Name, writes.Count, account.Lost, account.Doubled, clock.Elapsed, notes);
    }
}
