using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// A bounded in-process copy in front of the Redis verification cache, so that a hot permit is
/// answered without a Redis round trip. It only ever holds what Redis held, for no longer than
/// Redis keeps it and at most <see cref="StoreOptions.NearCacheMaxAge"/>. Every invalidation goes
/// to Redis and to every replica's copy (<see cref="IVerificationInvalidations"/>); while those
/// invalidations are not certainly received the copy is emptied and bypassed, so it never serves
/// anything the Redis cache would not.
/// </summary>
public sealed class NearVerificationCache : IVerificationCache
{
    private readonly RedisVerificationCache _redis;
    private readonly IVerificationInvalidations _invalidations;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _maxAge;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    // Bumped by every eviction: a value read from Redis before an eviction may be the stale one it evicted.
    private long _evictions;
    // Timestamp before which a full copy is not swept again.
    private long _nextSweepAt;

    /// <summary>A near cache over <paramref name="redis"/>, evicting on <paramref name="invalidations"/>.</summary>
    public NearVerificationCache(RedisVerificationCache redis, IVerificationInvalidations invalidations, TimeProvider time, IOptions<StoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(invalidations);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _invalidations = invalidations;
        _time = time;
        _capacity = options.Value.NearCacheCapacity;
        _maxAge = options.Value.NearCacheMaxAge;
        _invalidations.Evicted += Evict;
    }

    /// <summary>Entries held now (for tests and metrics).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default) =>
        (await ReadAsync(permitKey, cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    /// <remarks>
    /// A value this copy holds carries its decoded form, decoded at the read that kept it or the
    /// first hit after, and shared by every later hit until the value is evicted or expires. A
    /// value not held here (Redis alone: the copy bypassed, full, or the value just evicted) is
    /// decoded at each read.
    /// </remarks>
    public async Task<T?> GetDecodedAsync<T>(string permitKey, Func<byte[], T> decode, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        var (value, held) = await ReadAsync(permitKey, cancellationToken).ConfigureAwait(false);
        return held is not null ? held.Decoded(decode) : value is null ? null : decode(value);
    }

    /// <summary>The value, and the entry of this copy that holds it (null when it is not held here).</summary>
    private async ValueTask<(byte[]? Value, Entry? Held)> ReadAsync(string permitKey, CancellationToken cancellationToken)
    {
        var key = PermitKeyText.Normalise(permitKey);
        var live = _invalidations.IsLive && _capacity > 0;
        if (live && _entries.TryGetValue(key, out var held))
        {
            if (held.ExpiresAt > _time.GetTimestamp())
                return (held.Value, held);
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, held));
        }
        var evictionsBefore = Interlocked.Read(ref _evictions);
        var (value, timeToLive) = await _redis.GetWithTimeToLiveAsync(key, cancellationToken).ConfigureAwait(false);
        return value is not null && live ? (value, Keep(key, value, timeToLive, evictionsBefore)) : (value, null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only Redis, which refuses an answer read before the permit's last known change; this copy
    /// takes values only from Redis reads, so it never holds a refused one.
    /// </remarks>
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        _redis.SetAsync(permitKey, value, asOfBlock, timeToLive, cancellationToken);

    /// <inheritdoc />
    public Task InvalidateAsync(string permitKey, ulong changedAtBlock, CancellationToken cancellationToken = default) =>
        InvalidateManyAsync([new PermitChange(permitKey, changedAtBlock)], cancellationToken);

    /// <inheritdoc />
    /// <remarks>One Redis script and one published message for the whole batch (the follower's invalidations come by the hundred).</remarks>
    public async Task InvalidateManyAsync(IReadOnlyCollection<PermitChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var normalised = changes.Select(c => c with { PermitKey = PermitKeyText.Normalise(c.PermitKey) }).ToArray();
        foreach (var change in normalised)
            Evict(change.PermitKey);
        await _redis.InvalidateManyAsync(normalised, cancellationToken).ConfigureAwait(false);
        await _invalidations.PublishAsync(normalised.Select(c => c.PermitKey).Distinct(StringComparer.Ordinal).ToArray()).ConfigureAwait(false);
    }

    /// <returns>The entry now held, or null when the value was not kept.</returns>
    private Entry? Keep(string key, byte[] value, TimeSpan? redisTimeToLive, long evictionsBefore)
    {
        var age = redisTimeToLive is { } left && left < _maxAge ? left : _maxAge;
        if (age <= TimeSpan.Zero)
            return null;
        if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
        {
            // Full: sweep at most once a second, not on every read of a new permit (a scan of the
            // whole copy each time once many permits are asked within NearCacheMaxAge).
            var now = _time.GetTimestamp();
            if (now >= Interlocked.Read(ref _nextSweepAt))
            {
                Interlocked.Exchange(ref _nextSweepAt, now + _time.TimestampFrequency);
                SweepExpired();
            }
            if (_entries.Count >= _capacity)
                return null;
        }
        var entry = new Entry(value, _time.GetTimestamp() + (long)(age.TotalSeconds * _time.TimestampFrequency));
        _entries[key] = entry;
        // An eviction that raced the Redis read (or this insert) may concern this very value: drop it.
        if (Interlocked.Read(ref _evictions) == evictionsBefore && _invalidations.IsLive)
            return entry;
        _entries.TryRemove(key, out _);
        return null;
    }

    private void Evict(string? permitKey)
    {
        Interlocked.Increment(ref _evictions);
        if (permitKey is null)
            _entries.Clear();
        else if (Bytes32Text.TryNormalise(permitKey, out var key))
            _entries.TryRemove(key, out _);
    }

    private void SweepExpired()
    {
        var now = _time.GetTimestamp();
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
                _entries.TryRemove(pair);
        }
    }

    /// <summary>A value held, until when (a timestamp), and its decoded form once a reader asked for one.</summary>
    private sealed class Entry(byte[] value, long expiresAt) : DecodedOnceValue(value)
    {
        public long ExpiresAt => expiresAt;
    }
}
