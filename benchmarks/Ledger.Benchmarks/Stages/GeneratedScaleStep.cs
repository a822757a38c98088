using System.Diagnostics;
using System.Globalization;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Generation;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Core.Primitives;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// A scale step too large to bulk-load through anvil (it rebuilds its whole state trie for every
/// block: seconds per block at a million permits), measured on a devnet of its own: the first
/// authority's permits are generated straight into PermitRegistry's storage
/// (<see cref="PermitStorageSlots"/>, <see cref="StorageWriter"/>), then the step measures what a
/// bulk-loaded step measures. Interval mining is paused for the whole step, so verify latency is
/// the contract's and the gateway's at that size, not anvil's trie rebuild (a production node, Besu
/// with Bonsai, updates its state root incrementally); registrations are mined by one evm_mine,
/// and that block's mining time, and a few empty blocks', are reported as anvil's cost of the size.
/// </summary>
internal sealed class GeneratedScaleStep(BenchOptions options, string stateFolder, TextWriter log)
{
    /// <summary>The series label of generated permits.</summary>
    public const string Series = "gen";

    private const int EmptyBlocksTimed = 3;

    /// <summary>Generates <paramref name="size"/> permits on a fresh devnet and measures; adds the step's own rows to <paramref name="section"/>.</summary>
    public async Task<ScaleStep> RunAsync(long size, ReportSection section, CancellationToken ct)
    {
        await log.WriteLineAsync($"  scale {size:N0}: starting a devnet of its own for a generated state");
        await using var context = await BenchContext.StartAsync(Path.Combine(stateFolder, $"generated-{size}"), TextWriter.Null, ct);
        await context.Node.SendAsync("evm_setIntervalMining", "[0]", ct);
        await context.Node.SendAsync("evm_setAutomine", "[false]", ct);

        var issuer = context.First;
        var destination = context.DestinationFor(issuer);
        var issuerAddress = Address.Parse(context.IssuerKey(issuer).GetPublicAddress());
        string IdOf(long index) => context.Permits.Id(issuer.Country, Series, index);

        var generation = Stopwatch.StartNew();
        long words;
        using (var writer = new StorageWriter(context.Devnet.RpcUrl, context.PermitRegistry))
        {
            var all = LongRange(size).SelectMany(i => PermitStorageSlots.Of(context.Permits.Input(IdOf(i), destination), issuerAddress));
            words = await writer.WriteAsync(all, ct);
        }
        generation.Stop();
        var firstBlock = await MineAsync(context, ct);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  generated {size:N0} permits ({words:N0} storage words) in {generation.Elapsed.TotalSeconds:0.0} s; the next block took {firstBlock.TotalSeconds:0.0} s to mine"));

        var measure = new ScaleMeasurements(context, options);
        var gateway = await measure.GatewayLatencyAsync(new PermitPool(() => size, IdOf), ct);
        var raw = await measure.RawLatencyAsync(size, IdOf, ct);
        var registrationBlock = TimeSpan.Zero;
        var gas = await measure.RegisterGasAsync(size, async (count, token) =>
        {
            await WaitForPendingAsync(context, count, token);
            registrationBlock = await MineAsync(context, token);
        }, ct);
        var emptyBlocks = new List<TimeSpan>();
        for (var i = 0; i < EmptyBlocksTimed; i++)
            emptyBlocks.Add(await MineAsync(context, ct));
        var minePerBlock = emptyBlocks.Order().ElementAt(emptyBlocks.Count / 2);

        section.Add(new ReportRow($"generated permits/s to {size:N0} (own devnet, storage written with anvil_setStorageAt)", size / generation.Elapsed.TotalSeconds, "permits/s",
            Note: string.Create(CultureInfo.InvariantCulture, $"{size:N0} permits, {words:N0} storage words in {generation.Elapsed.TotalSeconds:0.0} s")));
        section.Add(new ReportRow($"evm_mine at {size:N0} permits: first block after generation / block of the {options.ScaleRegisterSamples} registrations / empty block (median of {EmptyBlocksTimed})",
            minePerBlock.TotalMilliseconds, "ms",
            Note: string.Create(CultureInfo.InvariantCulture, $"{firstBlock.TotalMilliseconds:N0} / {registrationBlock.TotalMilliseconds:N0} / {minePerBlock.TotalMilliseconds:N0} ms")));
        section.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{size:N0} permits were generated, not loaded: on a devnet of its own, {words:N0} storage words written with anvil_setStorageAt in {generation.Elapsed.TotalSeconds:0.0} s " +
            $"(the words registerBatch writes, checked against registerBatch by a differential test). Interval mining was paused for the whole step, so its verify figures measure the contract and the gateway at {size:N0} permits, " +
            $"not anvil's trie rebuild (anvil rebuilds its whole state trie for every block: {minePerBlock.TotalSeconds:0.0} s per block here; Besu with Bonsai updates it incrementally); " +
            $"the {options.ScaleRegisterSamples} registrations were mined by one evm_mine"));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  scale {size:N0} (generated): gateway verify p50 {gateway.P50.TotalMilliseconds:0.00} ms p99 {gateway.P99.TotalMilliseconds:0.00} ms, eth_call p50 {raw.P50.TotalMilliseconds:0.00} ms, register gas {gas:N0}; evm_mine {minePerBlock.TotalSeconds:0.0} s per block"));
        return new ScaleStep(size, gateway, raw, gas, TimeSpan.Zero, null, minePerBlock);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (var i = 0L; i < count; i++)
            yield return i;
    }

    private static async Task<TimeSpan> MineAsync(BenchContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await context.Node.SendAsync("evm_mine", "[]", ct);
        return clock.Elapsed;
    }

    /// <summary>Waits until the node's pool holds <paramref name="count"/> pending transactions (the gateway sends them after estimating gas).</summary>
    private static async Task WaitForPendingAsync(BenchContext context, int count, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await context.Node.SendAsync("txpool_status", "[]", ct);
            var pending = RawNode.Quantity(status.GetProperty("pending"));
            if (pending >= (ulong)count)
                return;
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"Only {pending} of {count} registrations reached the node's pool within 2 minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
    }
}
