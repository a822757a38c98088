using System.Diagnostics;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Watches the node answer while something else is measured: one client asks eth_blockNumber every
/// <see cref="Spacing"/> (about 100 cheap calls a second, next to thousands of verifications) and
/// keeps each call's start, latency and answer. anvil answers nothing while it mines a block, so
/// the slowest call of each block is how long mining that block held every reader up
/// (<see cref="NodeStalls"/>).
/// </summary>
internal sealed class NodeStallProbe : IAsyncDisposable
{
    /// <summary>Pause between the end of one call and the start of the next.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(10);

    private readonly List<NodeStalls.Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Task _polling;

    private NodeStallProbe(RawNode node) => _polling = Task.Run(() => PollAsync(node));

    /// <summary>Starts asking <paramref name="node"/>.</summary>
    public static NodeStallProbe Start(RawNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NodeStallProbe(node);
    }

    /// <summary>Stops asking and returns what the calls saw.</summary>
    public async Task<NodeStalls> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _polling;
        }
        catch (HttpRequestException)
        {
            // The node went away: the samples taken so far still say what they saw.
        }
        lock (_samples)
            return NodeStalls.From(_samples);
    }

    private async Task PollAsync(RawNode node)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var head = await node.BlockNumberAsync(_stop.Token);
                var sample = new NodeStalls.Sample(Stopwatch.GetElapsedTime(_origin, start), Stopwatch.GetElapsedTime(start), head);
                lock (_samples)
                    _samples.Add(sample);
                await Task.Delay(Spacing, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await StopAsync();
        _stop.Dispose();
    }
}
