using System.Diagnostics;
using System.Globalization;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Permits;
using Ledger.Devnet.Hosting;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Puts many permits on chain the way an issuer would in bulk: registerBatch transactions of 100
/// permits signed by the first authority's issuer and sent straight to the node, a few in flight.
/// The block gas limit is raised while loading (anvil's evm_setBlockGasLimit) so that loading is
/// bound by the EVM, not by the block period, and put back afterwards; raised to
/// <see cref="BatchesPerBlock"/> batches, not without bound, because a slow block lets the node's
/// pool fill and one block would then take it all (22,400 permits in one block was seen at 100k),
/// which a follower must apply whole. Every receipt is checked.
/// </summary>
internal sealed class BulkLoader(BenchContext context, TextWriter log)
{
    /// <summary>The series label of bulk-loaded permits.</summary>
    public const string Series = "bulk";

    private const int BatchSize = 100;
    private const int InFlight = 16;

    /// <summary>
    /// Most registerBatch transactions in one block while loading: 5,000 permits, the gateway
    /// follower's events per range (PermitEventFollower.EventsPerRange), so that a follower can
    /// checkpoint after every block of a load instead of building tens of thousands of events at once.
    /// </summary>
    public const int BatchesPerBlock = 50;

    /// <summary>How many permits of the series are on chain.</summary>
    public long Loaded { get; private set; }

    /// <summary>The block of the last transaction the loader has sent (0 before the first).</summary>
    public ulong LastBlock { get; private set; }

    /// <summary>The permits' issuer.</summary>
    public DevnetAuthority Issuer => context.First;

    /// <summary>The ID of bulk permit <paramref name="index"/>.</summary>
    public string Id(long index) => context.Permits.Id(Issuer.Country, Series, index);

    /// <summary>Loads permits until <paramref name="target"/> are on chain; returns the time it took.</summary>
    public async Task<TimeSpan> LoadToAsync(long target, CancellationToken ct)
    {
        if (target <= Loaded)
            return TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var from = Loaded;
        await RegisterAsync(Issuer, Enumerable.Range(0, (int)(target - from)).Select(i => Id(from + i)).ToList(), ct);
        Loaded = target;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  bulk-loaded {target - from:N0} permits in {clock.Elapsed.TotalSeconds:0.0} s ({(target - from) / clock.Elapsed.TotalSeconds:N0}/s); {Loaded:N0} on chain"));
        return clock.Elapsed;
    }

    /// <summary>Registers <paramref name="ids"/> (issued by <paramref name="issuer"/>) in registerBatch transactions sent straight to the node.</summary>
    public async Task RegisterAsync(DevnetAuthority issuer, IReadOnlyList<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        var destination = context.DestinationFor(issuer);
        var signer = await context.SignerAsync(context.IssuerKey(issuer), ct);
        var first = ids.Take(BatchSize).Select(id => context.Permits.Input(id, destination)).ToList();
        BatchCalldata.CheckAgainstNethereum(first.Take(3).ToList());
        var gasLimit = await context.GasLimitAsync(signer.From, "0x" + Convert.ToHexStringLower(BatchCalldata.Encode(first)), ct);
        var originalLimit = await BlockGasLimitAsync(ct);
        var loadingLimit = Math.Max(originalLimit, gasLimit * BatchesPerBlock);
        await context.Node.SendAsync("evm_setBlockGasLimit", $"[\"0x{loadingLimit:x}\"]", ct);
        try
        {
            var batches = (ids.Count + BatchSize - 1) / BatchSize;
            var hashes = new string[batches];
            using var gate = new SemaphoreSlim(InFlight);
            var sends = new List<Task>(batches);
            for (var b = 0; b < batches; b++)
            {
                var batch = ids.Skip(b * BatchSize).Take(BatchSize).Select(id => context.Permits.Input(id, destination)).ToList();
                var raw = signer.SignData(BatchCalldata.Encode(batch), gasLimit);
                await gate.WaitAsync(ct);
                var slot = b;
                // A few sends overlap: the node holds a nonce that arrives early until its predecessor comes.
                sends.Add(SendAsync(raw, gate, hash => hashes[slot] = hash, ct));
            }
            await Task.WhenAll(sends);
            LastBlock = Math.Max(LastBlock, await CheckReceiptsAsync(hashes, ct));
        }
        finally
        {
            await context.Node.SendAsync("evm_setBlockGasLimit", $"[\"0x{originalLimit:x}\"]", CancellationToken.None);
        }
    }

    private async Task SendAsync(string raw, SemaphoreSlim gate, Action<string> sent, CancellationToken ct)
    {
        try
        {
            sent(await context.Node.SendRawAsync(raw, ct));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Checks every receipt succeeded; returns the last block.</summary>
    private async Task<ulong> CheckReceiptsAsync(IReadOnlyList<string> hashes, CancellationToken ct)
    {
        // The last nonce mined means every earlier one is; then each receipt must say success.
        await context.Node.WaitForReceiptAsync(hashes[^1], TimeSpan.FromMilliseconds(100), ct);
        var failed = 0;
        var last = 0UL;
        await Parallel.ForEachAsync(hashes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (hash, token) =>
        {
            var receipt = await context.Node.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(100), token);
            if (!receipt.Succeeded)
                Interlocked.Increment(ref failed);
            lock (hashes)
                last = Math.Max(last, receipt.BlockNumber);
        });
        if (failed > 0)
            throw new InvalidOperationException($"{failed} of {hashes.Count} registerBatch transactions of the bulk load reverted.");
        return last;
    }

    private async Task<ulong> BlockGasLimitAsync(CancellationToken ct)
    {
        var block = await context.Node.SendAsync("eth_getBlockByNumber", "[\"latest\",false]", ct);
        return RawNode.Quantity(block.GetProperty("gasLimit"));
    }
}
