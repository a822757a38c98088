using System.Buffers.Binary;
using System.Globalization;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Verification cache in Redis, shared by the gateway's replicas. Redis failures are
/// misses. Each value carries the time it was written; after an outage, values written
/// before the last failure are treated as misses, because an invalidation sent during the
/// outage may have been lost. Beside each value, a change marker (see <see cref="IVerificationCache"/>)
/// refuses answers read before the permit's last known change, whichever replica sends them.
/// </summary>
public sealed class RedisVerificationCache(IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor, TimeProvider time)
    : IVerificationCache
{
    private const int StampBytes = sizeof(long);

    // KEYS[1] value, KEYS[2] change marker; ARGV[1] stamped value, ARGV[2] lifetime (ms), ARGV[3] block the answer was read at.
    // Equal blocks are stored: a read at the block of the change saw the change.
    private const string SetUnlessChangedScript = """
        local changed = redis.call('GET', KEYS[2])
        if changed and tonumber(changed) > tonumber(ARGV[3]) then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    // KEYS: value, marker, value, marker, ...; ARGV[1] marker lifetime (ms), ARGV[1 + n] block of the n-th change.
    // The marker only rises; its lifetime restarts with every invalidation, so it outlives the latest one.
    private const string InvalidateScript = """
        for i = 1, #KEYS, 2 do
          local block = ARGV[(i + 1) / 2 + 1]
          redis.call('DEL', KEYS[i])
          local changed = redis.call('GET', KEYS[i + 1])
          if changed and tonumber(changed) >= tonumber(block) then
            redis.call('PEXPIRE', KEYS[i + 1], ARGV[1])
          else
            redis.call('SET', KEYS[i + 1], block, 'PX', ARGV[1])
          end
        end
        return #KEYS / 2
        """;

    private static readonly long MarkerLifetimeMilliseconds = (long)IVerificationCache.ChangeMarkerLifetime.TotalMilliseconds;

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
    /// does not delay it. The check against the change marker and the write are one script, so an
    /// invalidation from any replica lands either before it (the write is refused) or after it
    /// (the value is deleted); a value Redis never stored is only a future miss.
    /// </remarks>
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var normalised = PermitKeyText.Normalise(permitKey);
        VerificationCacheArguments.CheckSet(value, asOfBlock, timeToLive);
        var stamped = new byte[StampBytes + value.Length];
        BinaryPrimitives.WriteInt64BigEndian(stamped, time.GetUtcNow().ToUnixTimeMilliseconds());
        value.Span.CopyTo(stamped.AsSpan(StampBytes));
        // EVAL with the script's text, not EVALSHA: a fire-and-forget EVALSHA that a restarted or
        // flushed Redis answers with NOSCRIPT is never retried, and every SET after it would be lost.
        object[] evaluation =
        [
            SetUnlessChangedScript, 2, keys.Verification(normalised), keys.VerificationChangedAt(normalised),
            (RedisValue)stamped, Math.Max(1L, (long)timeToLive.TotalMilliseconds), BlockText(asOfBlock),
        ];
        try
        {
            monitor.Send("cache set", () => redis.GetDatabase().Execute("EVAL", evaluation, CommandFlags.FireAndForget));
        }
        catch (StoreUnavailableException)
        {
            // A value not cached is only a future miss.
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task InvalidateAsync(string permitKey, ulong changedAtBlock, CancellationToken cancellationToken = default) =>
        InvalidateManyAsync([new PermitChange(permitKey, changedAtBlock)], cancellationToken);

    /// <inheritdoc />
    /// <remarks>One script for all the changes: one round trip however many permits a block changed, and atomic.</remarks>
    public async Task InvalidateManyAsync(IReadOnlyCollection<PermitChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
            return;
        var scriptKeys = new RedisKey[changes.Count * 2];
        var arguments = new RedisValue[changes.Count + 1];
        arguments[0] = MarkerLifetimeMilliseconds;
        var i = 0;
        foreach (var change in changes)
        {
            var key = PermitKeyText.Normalise(change.PermitKey);
            VerificationCacheArguments.CheckBlock(change.Block, nameof(changes));
            scriptKeys[2 * i] = keys.Verification(key);
            scriptKeys[2 * i + 1] = keys.VerificationChangedAt(key);
            arguments[i + 1] = BlockText(change.Block);
            i++;
        }
        try
        {
            await monitor.RunAsync("cache invalidate", () => redis.GetDatabase().ScriptEvaluateAsync(InvalidateScript, scriptKeys, arguments)).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The monitor recorded the failure; values older than it are ignored once Redis is back.
        }
    }

    // Decimal text, so that Lua's tonumber reads it exactly (blocks are at most 2^53 - 1).
    private static string BlockText(ulong block) => block.ToString(CultureInfo.InvariantCulture);
}
