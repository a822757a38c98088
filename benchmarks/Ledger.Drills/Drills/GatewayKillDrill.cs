using System.Diagnostics;
using System.Globalization;
using Ledger.Drills.Support;

namespace Ledger.Drills.Drills;

/// <summary>
/// Drill 3: a gateway process SIGKILLed between sending its transactions and their receipts.
/// Mining is held (anvil's interval mining off) until every write's transaction is in the
/// node's pool, so the kill lands in that window every time; the gateway restarts on its
/// port, a block is mined, and the clients, retrying with their request IDs, must each get
/// their one shipment: the restarted gateway finds the sent transaction through Redis.
/// </summary>
internal static class GatewayKillDrill
{
    /// <summary>The drill's name in the report.</summary>
    public const string Name = "gateway SIGKILLed between send and receipt";

    /// <summary>Runs it on a devnet of its own.</summary>
    public static async Task<DrillResult> RunAsync(DrillOptions options, DrillScale scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var network = await DrillNetwork.StartAsync(options, "gateway", cancellationToken);
        var permits = await network.RegisterPermitsAsync(2, singleUse: false, cancellationToken);
        var exporter = network.Authority(DrillNetwork.Exporter);
        // A second replica of the exporter's gateway, in its own process: same keys, same Redis prefix, its own checkpoints.
        var settings = network.Devnet.GatewaySettingsOf(exporter, 0);
        settings["Stores:CheckpointDirectory"] = Path.Combine(network.Folder, "process-gateway", "checkpoints");
        await using var gateway = await GatewayProcess.StartAsync(settings, LoopbackPort.Free(), Path.Combine(network.Folder, "process-gateway", "content"), cancellationToken);
        var customs = network.CustomsOf(DrillNetwork.Exporter);
        var writes = ShipmentPlan.Spread("KILL", permits, scale.InFlight, [(network.ClientsOf(gateway.Address), customs)]);
        var minedBefore = await network.MinedTransactionsOfAsync(customs);
        var load = new ShipmentLoad(writes, writes.Count, scale.AttemptTimeout, scale.Patience);
        var mining = new NodeMining(network.Devnet.RpcUrl);

        await mining.HoldAsync();
        var running = load.RunAsync(cancellationToken);
        var allSent = await Condition.WithinAsync(async () => await mining.PendingAsync() >= writes.Count, scale.AttemptTimeout, cancellationToken);
        var pooled = await mining.PendingAsync();
        var answeredBeforeKill = load.Finished;
        await gateway.KillAsync();
        var down = Stopwatch.StartNew();
        await gateway.StartAgainAsync(cancellationToken);
        var downFor = down.Elapsed;
        await mining.MineAsync();
        await mining.ResumeAsync(network.Devnet.Network.BlockPeriodSeconds);
        var outcomes = await running;

        var mined = await network.MinedTransactionsOfAsync(customs) - minedBefore;
        var account = await WriteAccounting.EveryWriteOnceAsync(await network.TallyAsync(cancellationToken), writes, outcomes, cancellationToken);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"gateway process (dotnet Ledger.Gateway.dll, Redis-backed) SIGKILLed with {pooled} of {writes.Count} transactions in the node's pool, mining held" +
            $"{(allSent ? "" : " (not all had been sent)")} and {answeredBeforeKill} answered; restarted on its port in {downFor.TotalSeconds:0.0} s, then a block mined; " +
            $"clients retried with their request IDs; {account.Notes}; transactions mined from the customs account: {mined}");
        return new DrillResult(Name, writes.Count, account.Lost, account.Doubled, clock.Elapsed, notes);
    }
}
