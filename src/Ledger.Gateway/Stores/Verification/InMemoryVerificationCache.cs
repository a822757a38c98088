using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Verification cache in this process, for a gateway without Redis. Bounded by
/// <see cref="StoreOptions.InMemoryCacheCapacity"/>: when full, expired entries are swept
/// and, if it is still full, new values are simply not cached.
/// </summary>
public sealed class InMemoryVerificationCache(TimeProvider time, IOptions<StoreOptions> options) : IVerificationCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = options.Value.InMemoryCacheCapacity;

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default)
    {
        var key = PermitKeyText.Normalise(permitKey);
        if (!_entries.TryGetValue(key, out var entry))
            return Task.FromResult<byte[]?>(null);
        if (entry.ExpiresAt <= time.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return Task.FromResult<byte[]?>(null);
        }
        return Task.FromResult<byte[]?>(entry.Value.ToArray());
    }

    /// <inheritdoc />
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var key = PermitKeyText.Normalise(permitKey);
        VerificationCacheArguments.CheckSet(value, timeToLive);
        var now = time.GetUtcNow();
        if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
        {
            SweepExpired(now);
            if (_entries.Count >= _capacity)
                return Task.CompletedTask;
        }
        _entries[key] = new Entry(value.ToArray(), now + timeToLive);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task InvalidateAsync(string permitKey, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(PermitKeyText.Normalise(permitKey), out _);
        return Task.CompletedTask;
    }

    private void SweepExpired(DateTimeOffset now)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
                _entries.TryRemove(pair);
        }
    }

    private sealed record Entry(byte[] Value, DateTimeOffset ExpiresAt);
}
