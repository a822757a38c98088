using System.Collections.Concurrent;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Block timestamps the write path has read, kept for the few newest blocks: the writes mined in
/// one block (dozens under load) share one node read instead of one each. A sealed block's time
/// never changes; a block the node does not have yet is not kept.
/// </summary>
internal sealed class BlockTimes(LedgerChain chain)
{
    private const int Kept = 64;

    private readonly ConcurrentDictionary<ulong, Lazy<Task<DateTimeOffset>>> _times = new();

    /// <summary>The timestamp of block <paramref name="number"/> (the Unix epoch when the node does not have it).</summary>
    public async Task<DateTimeOffset> OfAsync(ulong number, CancellationToken ct)
    {
        var entry = _times.GetOrAdd(number, n => new Lazy<Task<DateTimeOffset>>(() => chain.GetBlockTimeAsync(n, CancellationToken.None)));
        DateTimeOffset time;
        try
        {
            time = await entry.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _times.TryRemove(KeyValuePair.Create(number, entry));
            throw;
        }
        if (time == DateTimeOffset.UnixEpoch)
            _times.TryRemove(KeyValuePair.Create(number, entry));
        else if (_times.Count > Kept)
            Trim();
        return time;
    }

    private void Trim()
    {
        foreach (var old in _times.Keys.Order().Take(_times.Count - Kept))
            _times.TryRemove(old, out _);
    }
}
