using System.Collections.Concurrent;
using System.Diagnostics;
using Ledger.Benchmarks.Clients;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// When each block became the node's head, as seen by polling eth_blockNumber every
/// <see cref="Poll"/>: the reference a watcher's lag is measured from (to within a poll).
/// </summary>
internal sealed class BlockClock : IAsyncDisposable
{
    /// <summary>Time between polls.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<ulong, long> _seenAt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private ulong _head;

    private BlockClock(RawNode node, ulong head)
    {
        _head = head;
        _polling = Task.Run(() => PollAsync(node));
    }

    /// <summary>Starts polling <paramref name="node"/>.</summary>
    public static async Task<BlockClock> StartAsync(RawNode node, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new BlockClock(node, await node.BlockNumberAsync(ct));
    }

    /// <summary>The Stopwatch timestamp at which <paramref name="block"/> (or a later block) was first seen, or null for a block before the clock started or not yet seen.</summary>
    public long? SeenAt(ulong block) => _seenAt.TryGetValue(block, out var at) ? at : null;

    private async Task PollAsync(RawNode node)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var head = await node.BlockNumberAsync(_stop.Token);
                var now = Stopwatch.GetTimestamp();
                for (var block = _head + 1; block <= head; block++)
                    _seenAt.TryAdd(block, now);
                _head = Math.Max(_head, head);
                await Task.Delay(Poll, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _polling;
        }
        catch (HttpRequestException)
        {
            // The node went away with the run: nothing left to time.
        }
        _stop.Dispose();
    }
}
