using System.Diagnostics;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Watches a gateway's event follower from outside: a live WatchPermits stream (no from_block)
/// receives the follower's events and, after each range it applies, its checkpoint block. Read in
/// the background so the stream never backs up.
/// </summary>
internal sealed class FollowerProbe : IDisposable
{
    private readonly AsyncServerStreamingCall<WatchPermitsResponse> _stream;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;
    private readonly HashSet<(ulong Block, uint LogIndex)> _seen = [];
    private long _events;
    private long _repeats;
    private long _checkpoint = -1;

    private FollowerProbe(AsyncServerStreamingCall<WatchPermitsResponse> stream, CancellationTokenSource stop)
    {
        _stream = stream;
        _stop = stop;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Distinct events the stream has delivered.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events delivered again (same block and log index): a follower re-applying a range.</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>The last checkpoint block delivered, or -1 before the first.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>Opens the stream at <paramref name="gateway"/> as <paramref name="identity"/>.</summary>
    public static FollowerProbe Start(GatewayClients gateway, string identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var call = gateway.Permits.WatchPermits(new WatchPermitsRequest(),
            new CallOptions(gateway.Call(stop.Token, identity).Headers, deadline: null, stop.Token));
        return new FollowerProbe(call, stop);
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
        try
        {
            while (await _stream.ResponseStream.MoveNext(_stop.Token))
            {
                var item = _stream.ResponseStream.Current;
                if (item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event)
                    Interlocked.Increment(ref _seen.Add((item.Event.Entry.BlockNumber, item.Event.Entry.LogIndex)) ? ref _events : ref _repeats);
                else
                    Interlocked.Exchange(ref _checkpoint, (long)item.CheckpointBlock);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException)
        {
            // The probe was stopped, or the gateway ended the stream: WaitForBlockAsync sees it.
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
