using Ledger.Benchmarks.Load;

namespace Ledger.Benchmarks.Permits;

/// <summary>
/// Hands out bulk-loaded permits each once, so that a verification through a gateway whose cache
/// holds none of them (nothing asked since <see cref="Restart"/>, the cache emptied with it) is
/// certainly a cache miss. Thread-safe.
/// </summary>
internal sealed class PermitPool(Func<long> loaded, Func<long, string> idOf)
{
    private long _next = -1;

    /// <summary>Permits handed out so far.</summary>
    public long Taken => Math.Min(Interlocked.Read(ref _next) + 1, loaded());

    /// <summary>Index of the next permit <see cref="Take"/> hands out (beyond the loaded ones once the pool ran dry).</summary>
    public long NextIndex => Interlocked.Read(ref _next) + 1;

    /// <summary>Hands the permits out again from the first: call it only once the gateway's cache holds none of them (<see cref="GatewayCacheReset"/>).</summary>
    public void Restart() => Interlocked.Exchange(ref _next, -1);

    /// <summary>The ID of a permit not handed out since the last <see cref="Restart"/>; throws <see cref="InputsExhaustedException"/> when none is left.</summary>
    public string Take()
    {
        var index = Interlocked.Increment(ref _next);
        return index < loaded() ? idOf(index) : throw new InputsExhaustedException($"all {loaded():N0} bulk-loaded permits have been asked about once");
    }
}
