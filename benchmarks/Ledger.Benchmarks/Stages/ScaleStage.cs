using System.Diagnostics;
using System.Globalization;
using Ledger.Api.V1;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Verify latency and register gas as the chain fills: at each size the bulk loader brings the
/// permits on chain to, one client verifies never-asked permits through the first gateway (uncached)
/// and with a raw eth_call, and a few registrations through the gateway report their gas; then the
/// node's mining stall at rest, from which the next size is projected (<see cref="NodeLimit"/>).
/// Goal: flat, i.e. at the largest size within a quarter (latency) or 1 % (gas) of the smallest.
/// </summary>
internal sealed class ScaleStage(BenchContext context, BenchOptions options, BulkLoader loader, PermitPool pool, string stateFolder, TextWriter log)
{

    private const double FlatLatency = 1.25;
    private const double FlatGas = 1.01;

    /// <summary>Measures every size and returns the section.</summary>
    public async Task<ReportSection> RunAsync(CancellationToken ct)
    {
        var section = new ReportSection("Scale",
            $"Permits bulk-loaded by registerBatch (100 per transaction, sent straight to the node with the block gas limit raised while loading to {BulkLoader.BatchesPerBlock} transactions per block). " +
            $"At each size, once every gateway's event follower has applied the head: {options.ScaleVerifySamples:N0} verifications of never-asked permits by one client through {context.First.Id}'s gateway (gRPC, uncached) " +
            $"and as raw eth_call of verify; {options.ScaleRegisterSamples} registrations through the gateway, gas from their receipts. " +
            $"During each load every gateway's event follower is timed until it has applied the load's last block (events/s over the load and the catch-up, no goal in issue 13): " +
            $"at {context.First.Id}'s gateway a live WatchPermits stream of every event, with its lag behind the head; at the others a stream of arrivals only (none in the load), as if nobody watched registrations. " +
            $"Then the node at rest for {options.NodeProbeWindow.TotalSeconds:0} s: an eth_call every {NodeStallProbe.Spacing.TotalMilliseconds:0} ms, the slowest of each block being how long anvil's mining held reads up; " +
            $"a size whose stall, projected in proportion to permits, exceeds {NodeLimit.MaxBlockPeriods:0} block periods is not loaded. " +
            $"Sizes from {options.ScaleGeneratedFrom:N0} up are generated, not loaded: on a devnet of their own, the storage words registerBatch would write are written straight into PermitRegistry (anvil_setStorageAt) with interval mining paused, and the same figures are measured (anvil's mining time per block by timing evm_mine). " +
            $"Goal: flat (largest size ≤ {FlatLatency}× the smallest for latency, ≤ {FlatGas}× for gas)." +
            (options.Quick ? " Quick mode: small sizes, not the issue's 10k/100k/1M." : ""));
        var steps = new List<ScaleStep>();
        List<ReportRow>? firstRows = null;
        foreach (var size in options.ScaleSizes.Where(size => size < options.ScaleGeneratedFrom))
        {
            if (steps.Count > 0 && NodeLimit.Refuses(steps[^1], size, context.BlockPeriod) is { } why)
            {
                section.Notes.Add(why);
                await log.WriteLineAsync($"  scale {size:N0} not loaded: {why}");
                break;
            }
            try
            {
                firstRows = await MeasureStepAsync(section, size, steps, firstRows, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Keep the sizes already measured: a larger step failing must not erase them.
                section.Notes.Add($"the step to {size:N0} permits FAILED: {e.GetType().Name}: {e.Message}");
                await log.WriteLineAsync($"  scale {size:N0} FAILED: {e.GetType().Name}: {e.Message}");
                break;
            }
        }
        foreach (var size in options.ScaleSizes.Where(size => size >= options.ScaleGeneratedFrom))
        {
            try
            {
                steps.Add(await new GeneratedScaleStep(options, stateFolder, log).RunAsync(size, section, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                section.Notes.Add($"the generated step to {size:N0} permits FAILED: {e.GetType().Name}: {e.Message}");
                await log.WriteLineAsync($"  scale {size:N0} (generated) FAILED: {e.GetType().Name}: {e.Message}");
                break;
            }
        }
        if (steps.Count == 0)
            throw new InvalidOperationException("No scale step completed: " + string.Join("; ", section.Notes));
        AddFlatnessRows(section, steps);
        return section;
    }

    private async Task<List<ReportRow>> MeasureStepAsync(ReportSection section, long size, List<ScaleStep> steps, List<ReportRow>? firstRows, CancellationToken ct)
    {
        var before = loader.Loaded;
        var loadTime = TimeSpan.Zero;
        await using (var followers = await FollowerCatchUp.StartAsync(context, ct))
        {
            loadTime = await loader.LoadToAsync(size, ct);
            var budget = options.CatchUpBudgetFor(size - before);
            var rows = new List<ReportRow>
            {
                new($"bulk load permits/s to {size:N0}", (size - before) / loadTime.TotalSeconds, "permits/s",
                    Note: string.Create(CultureInfo.InvariantCulture, $"{size - before:N0} permits in {loadTime.TotalSeconds:0.0} s"))
            };
            rows.AddRange(await followers.MeasureAsync(size, size - before, loadTime, loader.LastBlock, budget, ct));
            // Ratios to the smallest size: the same row (by position) of the first step.
            firstRows ??= rows;
            foreach (var (row, atSmallest) in rows.Zip(firstRows))
                section.Add(ReferenceEquals(rows, firstRows) ? row : row with { Baseline = atSmallest.Value, BaselineName = $"at {steps[0].Size:N0} permits" });
            foreach (var row in rows)
                await log.WriteLineAsync($"  {row.Figure}: {row.ValueText}; {row.Note}");
        }
        // The watched follower may still be building a range it started before its stream closed: let every follower reach the head first.
        if (await FollowerSettle.WaitAsync(context, options.CatchUpBudgetFor(size - before), ct) is { } behind)
            section.Notes.Add($"at {size:N0} permits, before the verify measurements: {behind}");
        var gateway = await Measure.GatewayLatencyAsync(pool, ct);
        var raw = await Measure.RawLatencyAsync(size, loader.Id, ct);
        var gas = await Measure.RegisterGasAsync(size, null, ct);
        var node = await NodeAtRestAsync(ct);
        steps.Add(new ScaleStep(size, gateway, raw, gas, loadTime, node));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  scale {size:N0}: gateway verify p50 {gateway.P50.TotalMilliseconds:0.00} ms p99 {gateway.P99.TotalMilliseconds:0.00} ms, eth_call p50 {raw.P50.TotalMilliseconds:0.00} ms, register gas {gas:N0}; node at rest: {node.Describe()}"));
        return firstRows;
    }

    private static void AddFlatnessRows(ReportSection section, List<ScaleStep> steps)
    {
        var first = steps[0];
        var unit = (long size) => $"{size:N0} permits";
        foreach (var step in steps)
        {
            var isLast = step.Size == steps[^1].Size && steps.Count > 1;
            section.Add(new ReportRow($"verify p50 through the gateway, uncached, at {unit(step.Size)}", Ms(step.Gateway.P50), "ms",
                isLast ? Ms(first.Gateway.P50) : null, isLast ? $"at {unit(first.Size)}" : null, isLast ? Goal.RatioAtMost(FlatLatency, "smallest size") : null,
                $"p99 {Ms(step.Gateway.P99):0.00} ms"));
            section.Add(new ReportRow($"verify p50 as raw eth_call at {unit(step.Size)}", Ms(step.Raw.P50), "ms",
                isLast ? Ms(first.Raw.P50) : null, isLast ? $"at {unit(first.Size)}" : null, isLast ? Goal.RatioAtMost(FlatLatency, "smallest size") : null,
                $"p99 {Ms(step.Raw.P99):0.00} ms"));
            section.Add(new ReportRow($"register gas at {unit(step.Size)}", step.Gas, "gas",
                isLast ? first.Gas : null, isLast ? $"at {unit(first.Size)}" : null, isLast ? Goal.RatioAtMost(FlatGas, "smallest size") : null));
            section.Add(new ReportRow($"anvil's mining time per block at {unit(step.Size)}", step.BlockMiningTime is { } stall ? Ms(stall) : null, "ms",
                isLast ? first.BlockMiningTime?.TotalMilliseconds : null, isLast ? $"at {unit(first.Size)}" : null,
                Note: step.Node is { } node ? "node at rest, slowest call per block: " + node.Describe() : "evm_mine of an empty block, interval mining paused"));
        }
        foreach (var step in steps.Where(s => s.LoadTime > TimeSpan.Zero))
            section.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"loading up to {step.Size:N0} permits took {step.LoadTime.TotalSeconds:0.0} s"));
    }

    private ScaleMeasurements Measure => new(context, options);

    private static double Ms(TimeSpan span) => span.TotalMilliseconds;

    /// <summary>
    /// The node with nothing else asking it (followers caught up, no load): how long mining a block
    /// holds every reader up at this size. anvil rebuilds its whole state trie for every block.
    /// </summary>
    private async Task<NodeStalls> NodeAtRestAsync(CancellationToken ct)
    {
        var probe = NodeStallProbe.Start(context.Node, context.PermitRegistry);
        await using (probe)
        {
            await Task.Delay(options.NodeProbeWindow, ct);
            return await probe.StopAsync();
        }
    }
}
