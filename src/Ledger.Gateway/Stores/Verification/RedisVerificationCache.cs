using System.Buffers.Binary;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Verification cache in Redis, shared by the gateway's replicas. Redis failures are
/// misses. Each value carries the time it was written; after an outage, values written
/// before the last failure are treated as misses, because an invalidation sent during the
/// outage may have been lost.
/// </summary>
public sealed class RedisVerificationCache(IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor, TimeProvider time)
    : IVerificationCache
{
    private const int StampBytes = sizeof(long);

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default) =>
        (await GetWithTimeToLiveAsync(permitKey, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// The cached value and how much longer Redis keeps it (so that a copy held elsewhere expires
    /// no later, e.g. at a validity boundary); (null, null) on a miss.
    /// </summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<(byte[]? Value, TimeSpan? TimeToLive)> GetWithTimeToLiveAsync(string permitKey, CancellationToken cancellationToken = default)
    {
        var key = keys.Verification(PermitKeyText.Normalise(permitKey));
        try
        {
            var stored = await monitor.RunAsync("cache get", () => redis.GetDatabase().StringGetWithExpiryAsync(key)).ConfigureAwait(false);
            byte[]? bytes = stored.Value;
            if (bytes is null || bytes.Length < StampBytes)
                return (null, null);
            var writtenAt = BinaryPrimitives.ReadInt64BigEndian(bytes);
            return writtenAt <= monitor.LastFailureUnixMilliseconds ? (null, null) : (bytes[StampBytes..], stored.Expiry);
        }
        catch (StoreUnavailableException)
        {
            return (null, null);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Sent without waiting for Redis's reply (fire and forget), so that caching a chain answer
    /// does not delay it. Commands on the connection keep their order, so an invalidation sent
    /// after this still removes the value; a value Redis never stored is only a future miss.
    /// </remarks>
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var key = keys.Verification(PermitKeyText.Normalise(permitKey));
        VerificationCacheArguments.CheckSet(value, timeToLive);
        var stamped = new byte[StampBytes + value.Length];
        BinaryPrimitives.WriteInt64BigEndian(stamped, time.GetUtcNow().ToUnixTimeMilliseconds());
        value.Span.CopyTo(stamped.AsSpan(StampBytes));
        try
        {
            monitor.Send("cache set", () => redis.GetDatabase().StringSet(key, stamped, timeToLive, When.Always, CommandFlags.FireAndForget));
        }
        catch (StoreUnavailableException)
        {
            // A value not cached is only a future miss.
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task InvalidateAsync(string permitKey, CancellationToken cancellationToken = default)
    {
        var key = keys.Verification(PermitKeyText.Normalise(permitKey));
        try
        {
            await monitor.RunAsync("cache invalidate", () => redis.GetDatabase().KeyDeleteAsync(key)).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The monitor recorded the failure; values older than it are ignored once Redis is back.
        }
    }

    /// <inheritdoc />
    /// <remarks>One DEL of all the keys: one round trip however many permits a block changed.</remarks>
    public async Task InvalidateManyAsync(IReadOnlyCollection<string> permitKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permitKeys);
        if (permitKeys.Count == 0)
            return;
        var redisKeys = permitKeys.Select(k => (RedisKey)keys.Verification(PermitKeyText.Normalise(k))).ToArray();
        try
        {
            await monitor.RunAsync("cache invalidate", () => redis.GetDatabase().KeyDeleteAsync(redisKeys)).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // As for one key: the monitor recorded the failure.
        }
    }
}
