using System.Diagnostics;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Statistics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Watches the node answer while something else is measured: one client asks the head
/// (eth_blockNumber, which anvil answers even while mining) and then an eth_call of verify of an
/// unknown permit, every <see cref="Spacing"/> (under 100 calls a second, next to thousands of
/// verifications), and keeps each eth_call's start, latency and the head before it. anvil holds
/// its state while it mines a block, so the slowest eth_call of each block is how long mining that
/// block held every reader of state up (<see cref="NodeStalls"/>).
/// </summary>
internal sealed class NodeStallProbe : IAsyncDisposable
{
    /// <summary>Pause between the end of one call and the start of the next.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(10);

    private readonly List<NodeStalls.Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Task _polling;

    private NodeStallProbe(RawNode node, string registry) => _polling = Task.Run(() => PollAsync(node, registry));

    /// <summary>Starts asking <paramref name="node"/>, reading through the PermitRegistry at <paramref name="registry"/>.</summary>
    public static NodeStallProbe Start(RawNode node, string registry)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NodeStallProbe(node, registry);
    }

    /// <summary>verify() of the all-zero key: no permit, the same code path as the raw baseline's reads.</summary>
    private static readonly string UnknownPermitCall = RawTransactions.CallData(new VerifyFunction { Key = new byte[32] });

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

    private async Task PollAsync(RawNode node, string registry)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var head = await node.BlockNumberAsync(_stop.Token);
                var start = Stopwatch.GetTimestamp();
                await node.CallAsync(registry, UnknownPermitCall, _stop.Token);
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
