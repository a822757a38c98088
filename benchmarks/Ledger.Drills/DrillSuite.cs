using System.Diagnostics;
using Ledger.Drills.Drills;
using Ledger.Drills.Support;

namespace Ledger.Drills;

/// <summary>
/// The fault drills of issue 13, one after another, each on a devnet of its own (anvil from the
/// network's genesis, redis-server, one gateway per authority): Redis killed under load, the
/// node stopped and restarted under load, a gateway SIGKILLed between send and receipt, and
/// concurrent shipments racing for single-use permits. Each counts from the chain the writes
/// lost and the writes doubled; the goal is 0 and 0.
/// </summary>
public static class DrillSuite
{
    /// <summary>
    /// Runs every drill. A drill that cannot finish (its devnet does not start, a wait times out)
    /// is reported with Lost and Doubled of -1 ("not counted") and the reason in its notes, and
    /// the others still run; cancellation stops the suite.
    /// </summary>
    public static async Task<IReadOnlyList<DrillResult>> RunAsync(DrillOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.WorkDirectory);
        var scale = DrillScale.For(options.Quick);
        var drills = new (string Name, Func<DrillOptions, DrillScale, CancellationToken, Task<DrillResult>> Run)[]
        {
            (RedisOutageDrill.Name, RedisOutageDrill.RunAsync),
            (NodeRestartDrill.Name, NodeRestartDrill.RunAsync),
            (GatewayKillDrill.Name, GatewayKillDrill.RunAsync),
            (ShipmentRaceDrill.Name, ShipmentRaceDrill.RunAsync),
        };
        var results = new List<DrillResult>();
        foreach (var (name, run) in drills)
            results.Add(await RunOneAsync(name, run, options, scale, ct));
        return results;
    }

    private static async Task<DrillResult> RunOneAsync(string name, Func<DrillOptions, DrillScale, CancellationToken, Task<DrillResult>> run,
        DrillOptions options, DrillScale scale, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // A client's patience bounds each write; this bounds a drill whose fault wedged something else.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(scale.Patience * 3);
        try
        {
            return await run(options, scale, limit.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new DrillResult(name, 0, -1, -1, clock.Elapsed, $"did not complete: {e.GetType().Name}: {e.Message}");
        }
    }
}
