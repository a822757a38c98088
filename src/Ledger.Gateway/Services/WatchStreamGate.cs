using System.Collections.Concurrent;
using Grpc.Core;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Services;

/// <summary>
/// Counts open WatchPermits streams per authority and in total, and refuses one more than
/// <see cref="LimitsOptions.MaxWatchStreamsPerCaller"/> or <see cref="LimitsOptions.MaxWatchStreamsTotal"/>
/// with RESOURCE_EXHAUSTED: each stream holds a buffer and a follower subscription.
/// </summary>
internal sealed class WatchStreamGate(IOptions<LimitsOptions> limits)
{
    private readonly ConcurrentDictionary<string, int> _perAuthority = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _total;

    /// <summary>Streams open now, all callers together.</summary>
    public int Open => Volatile.Read(ref _total);

    /// <summary>Takes a slot for <paramref name="authority"/>; dispose it when the stream ends.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when a limit is reached.</exception>
    public IDisposable Enter(string authority)
    {
        var settings = limits.Value;
        lock (_gate)
        {
            var mine = _perAuthority.GetValueOrDefault(authority);
            if (mine >= settings.MaxWatchStreamsPerCaller)
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Authority {authority} already has {mine} WatchPermits streams open, the most allowed " +
                    "(Limits:MaxWatchStreamsPerCaller). Close one, or watch several kinds on one stream."));
            if (_total >= settings.MaxWatchStreamsTotal)
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"This gateway already serves {_total} WatchPermits streams, the most allowed (Limits:MaxWatchStreamsTotal). Retry later."));
            _perAuthority[authority] = mine + 1;
            _total++;
        }
        return new Slot(this, authority);
    }

    private void Leave(string authority)
    {
        lock (_gate)
        {
            var left = _perAuthority.GetValueOrDefault(authority) - 1;
            if (left <= 0)
                _perAuthority.TryRemove(authority, out _);
            else
                _perAuthority[authority] = left;
            _total--;
        }
    }

    private sealed class Slot(WatchStreamGate gate, string authority) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(authority);
        }
    }
}
