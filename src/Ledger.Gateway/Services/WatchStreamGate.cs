using Grpc.Core;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Services;

/// <summary>
/// Counts open WatchPermits streams per official, per authority and in total, and refuses one
/// more than <see cref="LimitsOptions.MaxWatchStreamsPerOfficial"/>,
/// <see cref="LimitsOptions.MaxWatchStreamsPerAuthority"/> or <see cref="LimitsOptions.MaxWatchStreamsTotal"/>
/// with RESOURCE_EXHAUSTED: each stream holds a buffer and a follower subscription. Counting per
/// official keeps one official's client from taking all of the authority's streams; the authority's
/// ceiling keeps its officials together from taking all of the gateway's.
/// </summary>
internal sealed class WatchStreamGate(IOptions<LimitsOptions> limits)
{
    private readonly Dictionary<string, int> _perOfficial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perAuthority = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _total;

    /// <summary>Streams open now, all callers together.</summary>
    public int Open => Volatile.Read(ref _total);

    /// <summary>Takes a slot for <paramref name="caller"/>; dispose it when the stream ends.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when a limit is reached; nothing is taken then.</exception>
    public IDisposable Enter(CallerIdentity caller)
    {
        var settings = limits.Value;
        lock (_gate)
        {
            var official = _perOfficial.GetValueOrDefault(caller.OfficialKey);
            if (official >= settings.MaxWatchStreamsPerOfficial)
                throw Refusal(
                    "You already hold as many WatchPermits streams at this gateway as one official may " +
                    $"(Limits:MaxWatchStreamsPerOfficial = {settings.MaxWatchStreamsPerOfficial}). Close one, or watch several kinds on one stream.");
            var authority = _perAuthority.GetValueOrDefault(caller.AuthorityAddress);
            if (authority >= settings.MaxWatchStreamsPerAuthority)
                throw Refusal(
                    $"The officials of authority {caller.AuthorityAddress} already hold as many WatchPermits streams as one authority may " +
                    $"(Limits:MaxWatchStreamsPerAuthority = {settings.MaxWatchStreamsPerAuthority}). Retry when a colleague's stream has closed.");
            if (_total >= settings.MaxWatchStreamsTotal)
                throw Refusal(
                    "This gateway already serves as many WatchPermits streams as it may " +
                    $"(Limits:MaxWatchStreamsTotal = {settings.MaxWatchStreamsTotal}). Retry later.");
            _perOfficial[caller.OfficialKey] = official + 1;
            _perAuthority[caller.AuthorityAddress] = authority + 1;
            _total++;
        }
        return new Slot(this, caller.OfficialKey, caller.AuthorityAddress);
    }

    private static RpcException Refusal(string message) => new(new Status(StatusCode.ResourceExhausted, message));

    private void Leave(string officialKey, string authorityAddress)
    {
        lock (_gate)
        {
            Decrement(_perOfficial, officialKey);
            Decrement(_perAuthority, authorityAddress);
            _total--;
        }
    }

    // Counts that reach zero are removed, so the dictionaries hold only callers with a stream open.
    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        var left = counts.GetValueOrDefault(key) - 1;
        if (left <= 0)
            counts.Remove(key);
        else
            counts[key] = left;
    }

    private sealed class Slot(WatchStreamGate gate, string officialKey, string authorityAddress) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(officialKey, authorityAddress);
        }
    }
}
