using System.Diagnostics;
using System.Globalization;
using Ledger.Drills.Support;

namespace Ledger.Drills.Drills;

/// <summary>
/// Drill 2: the node stopped while customs at two gateways record shipments, and started again
/// on its port with its chain. anvil keeps the chain through a state file (--state: loaded at
/// start, written at a SIGTERM), as a validator keeps its database. The stop comes while
/// transactions wait in its pool (mining held a moment); they are not in the file, so the
/// gateways must find them gone and send those writes again.
/// </summary>
internal static class NodeRestartDrill
{
    /// <summary>The drill's name in the report.</summary>
    public const string Name = "node stopped and restarted under load";

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    /// <summary>Runs it on a devnet of its own.</summary>
    public static async Task<DrillResult> RunAsync(DrillOptions options, DrillScale scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var network = await DrillNetwork.StartAsync(options, "node", cancellationToken);
        var node = network.Devnet.Node;
        var chainId = await node.ChainIdAsync(cancellationToken);
        var stateFile = Path.Combine(network.Folder, "anvil-state.json");
        // anvil cannot both boot from a genesis (--init) and dump on exit: save the booted chain and restart from it.
        await node.SaveStateAsync(stateFile, cancellationToken);
        await node.StopAsync(graceful: true);
        await node.StartAgainAsync(stateFile, chainId, cancellationToken);

        var permits = await network.RegisterPermitsAsync(4, singleUse: false, cancellationToken);
        var writes = ShipmentPlan.Spread("NODE", permits, scale.Writes, await ShipmentPlan.ExporterCustomsAtTwoReplicasAsync(network, cancellationToken));
        var customs = network.CustomsOf(DrillNetwork.Exporter);
        var minedBefore = await network.MinedTransactionsOfAsync(customs);
        var load = new ShipmentLoad(writes, scale.Clients, scale.AttemptTimeout, scale.Patience);
        var mining = new NodeMining(network.Devnet.RpcUrl);

        var running = load.RunAsync(cancellationToken);
        await Condition.MustAsync(() => Task.FromResult(load.Finished >= writes.Count / 3), scale.Patience, "the first third of the writes", cancellationToken);
        var stoppedAfter = load.Finished;
        // Strike with writes in flight: mining held until the pool has some, which the stop then loses.
        await mining.HoldAsync();
        var inPool = Math.Max(1, Math.Min(scale.Clients, writes.Count - stoppedAfter) / 2);
        await Condition.WithinAsync(async () => await mining.PendingAsync() >= inPool, scale.AttemptTimeout, cancellationToken);
        var pooled = await mining.PendingAsync();
        await node.StopAsync(graceful: true);
        // The outage itself: clients and gateways meet a node that does not answer.
        await Task.Delay(Outage, cancellationToken);
        // --block-time brings interval mining back with the process.
        await node.StartAgainAsync(stateFile, chainId, cancellationToken);
        var outcomes = await running;

        var mined = await network.MinedTransactionsOfAsync(customs) - minedBefore;
        var account = await WriteAccounting.EveryWriteOnceAsync(await network.TallyAsync(cancellationToken), writes, outcomes, cancellationToken);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"anvil with --state (chain written at SIGTERM, loaded at restart; not a second RPC URL), stopped after {stoppedAfter} of {writes.Count} writes ended " +
            $"with {pooled} sent transactions in its pool (lost with it), down {Outage.TotalSeconds:0} s, restarted on its port; {scale.Clients} clients, {DrillNetwork.Exporter}'s customs at two replicas of its gateway; {account.Notes}; transactions mined from the customs account: {mined}");
        return new DrillResult(Name, writes.Count, account.Lost, account.Doubled, clock.Elapsed, notes);
    }
}
