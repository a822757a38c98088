using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Verification cache in this process, for a gateway without Redis. Bounded by
/// <see cref="StoreOptions.InMemoryCacheCapacity"/>: when full, expired entries are swept
/// and, if it is still full, new values are simply not cached. Change markers (see
/// <see cref="IVerificationCache"/>) are kept for <see cref="IVerificationCache.ChangeMarkerLifetime"/>;
/// a marker is never dropped for room, since that could let a stale answer in.
/// </summary>
public sealed class InMemoryVerificationCache(TimeProvider time, IOptions<StoreOptions> options) : IVerificationCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Marker> _markers = new(StringComparer.Ordinal);
    // Makes "check the marker, then store" and "raise the marker, then drop" atomic with respect to each other.
    private readonly Lock _writes = new();
    private readonly int _capacity = options.Value.InMemoryCacheCapacity;
    // Markers are swept when they reach this many, then it doubles past the live ones: amortised, not a sweep per invalidation.
    private int _markerSweepAt = Math.Max(16, options.Value.InMemoryCacheCapacity);

    /// <inheritdoc />
    /// <remarks>A copy: the entry's bytes stay as stored whatever the caller does with them.</remarks>
    public Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(Live(permitKey)?.Value.ToArray());

    /// <inheritdoc />
    /// <remarks>An entry keeps its decoded form, decoded at its first hit and shared by every later one until it is replaced, dropped or expires.</remarks>
    public Task<T?> GetDecodedAsync<T>(string permitKey, Func<byte[], T> decode, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Task.FromResult(Live(permitKey)?.Decoded(decode));
    }

    // The entry of the permit unless it expired (then dropped), or null.
    private Entry? Live(string permitKey)
    {
        var key = PermitKeyText.Normalise(permitKey);
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.ExpiresAt > time.GetUtcNow())
            return entry;
        _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    /// <inheritdoc />
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var key = PermitKeyText.Normalise(permitKey);
        VerificationCacheArguments.CheckSet(value, asOfBlock, timeToLive);
        var now = time.GetUtcNow();
        lock (_writes)
        {
            if (_markers.TryGetValue(key, out var marker) && marker.ExpiresAt > now && marker.Block > asOfBlock)
                return Task.CompletedTask;
            if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
            {
                SweepExpired(now);
                if (_entries.Count >= _capacity)
                    return Task.CompletedTask;
            }
            _entries[key] = new Entry(value.ToArray(), now + timeToLive);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task InvalidateAsync(string permitKey, ulong changedAtBlock, CancellationToken cancellationToken = default)
    {
        var key = PermitKeyText.Normalise(permitKey);
        VerificationCacheArguments.CheckBlock(changedAtBlock, nameof(changedAtBlock));
        var now = time.GetUtcNow();
        lock (_writes)
        {
            var highest = _markers.TryGetValue(key, out var marker) && marker.ExpiresAt > now && marker.Block > changedAtBlock
                ? marker.Block
                : changedAtBlock;
            _markers[key] = new Marker(highest, now + IVerificationCache.ChangeMarkerLifetime);
            _entries.TryRemove(key, out _);
            if (_markers.Count >= _markerSweepAt)
            {
                SweepExpiredMarkers(now);
                _markerSweepAt = Math.Max(_markerSweepAt, 2 * _markers.Count);
            }
        }
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

    private void SweepExpiredMarkers(DateTimeOffset now)
    {
        foreach (var key in _markers.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToList())
            _markers.Remove(key);
    }

    /// <summary>A value held, until when, and its decoded form once a reader asked for one.</summary>
    private sealed class Entry(byte[] value, DateTimeOffset expiresAt) : DecodedOnceValue(value)
    {
        public DateTimeOffset ExpiresAt => expiresAt;
    }

    private readonly record struct Marker(ulong Block, DateTimeOffset ExpiresAt);
}
