using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Benchmarks.Statistics;
using Ledger.Cli.Connection;
using Ledger.Devnet.Hosting;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Watches a gateway's event follower from outside: a live WatchPermits stream (no from_block)
/// receives the follower's events and, after each range it applies, its checkpoint block. Read in
/// the background so the stream never backs up. With a <see cref="BlockClock"/> it records each
/// event's lag: from the moment its block became the head to its arrival on the stream. A probe
/// asking only for a kind the load does not emit sees checkpoints alone, and leaves the follower
/// as if nobody watched.
/// </summary>
internal sealed class FollowerProbe : IDisposable
{
    private readonly AsyncServerStreamingCall<WatchPermitsResponse> _stream;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;
    private readonly HashSet<(ulong Block, uint LogIndex)> _seen = [];
    private readonly BlockClock? _clock;
    private readonly LatencyHistogram _lag = new();
    private long _events;
    private long _repeats;
    private long _checkpoint = -1;
    private string? _endedWith;

    private FollowerProbe(AsyncServerStreamingCall<WatchPermitsResponse> stream, CancellationTokenSource stop, BlockClock? clock)
    {
        _stream = stream;
        _stop = stop;
        _clock = clock;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Distinct events the stream has delivered.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events delivered again (same block and log index): a follower re-applying a range.</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>The last checkpoint block delivered, or -1 before the first.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>
    /// Why the stream ended before the probe was closed (the gateway's status and message, or that it
    /// closed the stream), with how long it had been open; null while it runs or after <see cref="CloseAsync"/>.
    /// </summary>
    public string? EndedWith => Volatile.Read(ref _endedWith);

    /// <summary>Each delivered event's lag behind its block becoming the head (empty without a clock).</summary>
    public LatencyHistogram Lag
    {
        get
        {
            var copy = new LatencyHistogram();
            lock (_lag)
                copy.Add(_lag);
            return copy;
        }
    }

    /// <summary>Opens the stream at <paramref name="gateway"/> as <paramref name="identity"/>, for events of <paramref name="kinds"/> (all when none).</summary>
    public static FollowerProbe Start(GatewayClients gateway, string identity, CancellationToken ct, BlockClock? clock = null, params PermitEventKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var call = gateway.Permits.WatchPermits(new WatchPermitsRequest { Kinds = { kinds } },
            new CallOptions(gateway.Call(stop.Token, identity).Headers, deadline: null, stop.Token));
        return new FollowerProbe(call, stop, clock);
    }

    /// <summary>
    /// A probe of arrivals only at <paramref name="authority"/>'s gateway: none come in a load, so the
    /// follower builds nothing for it, and its checkpoints say how far the follower has got.
    /// </summary>
    public static FollowerProbe ArrivalsAt(BenchContext context, DevnetAuthority authority, CancellationToken ct, BlockClock? clock = null) =>
        Start(context.Grpc(authority), authority.CustomsIdentity ?? authority.ObserverIdentity, ct, clock, PermitEventKind.ArrivalConfirmed);

    /// <summary>
    /// Waits (all at once, at most <paramref name="budget"/>) until each probe's follower has applied
    /// <paramref name="block"/>; those that had not, described for the report ("fr's at block N", and
    /// why its stream ended if it did). Empty when every one had.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NotReachedAsync(IReadOnlyList<(string Id, FollowerProbe Probe)> probes, ulong block, TimeSpan budget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var reached = await Task.WhenAll(probes.Select(p => p.Probe.WaitForBlockAsync(block, budget, ct)));
        return probes.Where((_, i) => reached[i] is null)
            .Select(p => $"{p.Id}'s at block {p.Probe.Checkpoint:N0}{(p.Probe.EndedWith is { } ended ? $" ({ended})" : "")}").ToList();
    }

    /// <summary>Waits until the follower has applied <paramref name="block"/>; the time it took, or null when <paramref name="budget"/> passed first.</summary>
    public async Task<TimeSpan?> WaitForBlockAsync(ulong block, TimeSpan budget, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            if (Checkpoint >= (long)block)
                return clock.Elapsed;
            if (_reading.IsCompleted)
                return null;
            await Task.Delay(20, ct);
        }
        return null;
    }

    private async Task ReadAsync()
    {
        var opened = Stopwatch.StartNew();
        try
        {
            while (await _stream.ResponseStream.MoveNext(_stop.Token))
            {
                var item = _stream.ResponseStream.Current;
                if (item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event)
                {
                    Interlocked.Increment(ref _seen.Add((item.Event.Entry.BlockNumber, item.Event.Entry.LogIndex)) ? ref _events : ref _repeats);
                    if (_clock?.SeenAt(item.Event.Entry.BlockNumber) is { } seenAt)
                    {
                        lock (_lag)
                            _lag.RecordSince(seenAt);
                    }
                }
                else
                    Interlocked.Exchange(ref _checkpoint, (long)item.CheckpointBlock);
            }
            Ended(string.Create(CultureInfo.InvariantCulture, $"the gateway closed the stream after {opened.Elapsed.TotalSeconds:0.0} s"));
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException && _stop.IsCancellationRequested)
        {
            // The probe was closed.
        }
        catch (RpcException e)
        {
            // Kept for the report: a stream that died must not read as a follower that never caught up.
            Ended(string.Create(CultureInfo.InvariantCulture, $"the stream ended after {opened.Elapsed.TotalSeconds:0.0} s with {e.StatusCode}: {e.Status.Detail}"));
        }
    }

    private void Ended(string why) => Interlocked.CompareExchange(ref _endedWith, why, null);

    /// <summary>Cancels the stream and waits until its reader has stopped, so the watch is gone when this returns.</summary>
    /// <remarks>Never throws: a stream that failed is recorded in <see cref="EndedWith"/>, so that closing several probes in a loop closes them all.</remarks>
    public async Task CloseAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception e)
        {
            Ended($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _stream.Dispose();
        _stop.Dispose();
    }
}
