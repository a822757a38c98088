using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Idempotency records in Redis, shared by the gateway's replicas. Each operation is one
/// Lua script, so "check and claim" is atomic across replicas. A record is a hash: state
/// (p = in progress, s = sent and released, c = completed), fingerprint, lease token, lease
/// deadline (d), sent transaction hash (h), result; it expires after the in-progress lease, or
/// after the retention once a transaction was sent or the write completed. Raises
/// <see cref="StoreUnavailableException"/> when Redis is down (see
/// <see cref="FallbackIdempotencyStore"/>).
/// </summary>
public sealed class RedisIdempotencyStore(IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor, IOptions<StoreOptions> options)
    : IIdempotencyStore
{
    // Redis's own clock (TIME) times the lease, so replicas with skewed clocks agree on it.
    private const string BeginScript = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local deadline = string.format('%d', now + tonumber(ARGV[3]))
        local state = redis.call('HGET', KEYS[1], 's')
        if not state then
          redis.call('HSET', KEYS[1], 's', 'p', 'f', ARGV[1], 't', ARGV[2], 'd', deadline)
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return {'new'}
        end
        if redis.call('HGET', KEYS[1], 'f') ~= ARGV[1] then return {'mismatch'} end
        if state == 'c' then return {'completed', redis.call('HGET', KEYS[1], 'r')} end
        local sent = redis.call('HGET', KEYS[1], 'h')
        if sent and (state == 's' or tonumber(redis.call('HGET', KEYS[1], 'd')) <= now) then
          redis.call('HSET', KEYS[1], 's', 'p', 't', ARGV[2], 'd', deadline)
          return {'sent', sent}
        end
        return {'inprogress'}
        """;

    private const string RecordSentScript = """
        if redis.call('HGET', KEYS[1], 's') ~= 'p' or redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'h', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('HGET', KEYS[1], 's') ~= 'p' or redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
        if redis.call('HEXISTS', KEYS[1], 'h') == 1 then
          redis.call('HSET', KEYS[1], 's', 's')
          redis.call('HDEL', KEYS[1], 't')
          return 1
        end
        return redis.call('DEL', KEYS[1])
        """;

    private const string CompleteScript = """
        if redis.call('HGET', KEYS[1], 's') ~= 'p' or redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 's', 'c', 'r', ARGV[2])
        redis.call('HDEL', KEYS[1], 't')
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private const string AbandonScript = """
        if redis.call('HGET', KEYS[1], 's') == 'p' and redis.call('HGET', KEYS[1], 't') == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly long _retentionMilliseconds = (long)options.Value.IdempotencyRetention.TotalMilliseconds;
    private readonly long _inProgressMilliseconds = (long)options.Value.IdempotencyInProgressLease.TotalMilliseconds;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task<IdempotencyBegin> TryBeginAsync(IdempotencyKey key, ReadOnlyMemory<byte> requestFingerprint, CancellationToken cancellationToken = default)
    {
        IdempotencyArguments.CheckKey(key);
        IdempotencyArguments.CheckFingerprint(requestFingerprint);
        var lease = new IdempotencyLease(key, IdempotencyLease.NewToken(), requestFingerprint.ToArray(), this);
        var answer = (RedisResult[])(await monitor.RunAsync("idempotency begin", () => redis.GetDatabase().ScriptEvaluateAsync(
            BeginScript, [keys.Idempotency(key)], [lease.Fingerprint, lease.Token, _inProgressMilliseconds])).ConfigureAwait(false))!;
        return (string?)answer[0] switch
        {
            "new" => IdempotencyBegin.New(lease),
            "mismatch" => IdempotencyBegin.Mismatch,
            "completed" => IdempotencyBegin.Completed((byte[])answer[1]! ?? []),
            "sent" => IdempotencyBegin.Sent(lease, (string)answer[1]!),
            "inprogress" => IdempotencyBegin.InProgress,
            var other => throw new InvalidOperationException($"Unexpected idempotency script answer '{other}'."),
        };
    }

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task<bool> CompleteAsync(IdempotencyLease lease, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        IdempotencyArguments.CheckResult(result);
        var done = await monitor.RunAsync("idempotency complete", () => redis.GetDatabase().ScriptEvaluateAsync(
            CompleteScript, [keys.Idempotency(lease.Key)], [lease.Token, result, _retentionMilliseconds])).ConfigureAwait(false);
        return (long)done == 1;
    }

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task<bool> RecordSentAsync(IdempotencyLease lease, string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        IdempotencyArguments.CheckTransactionHash(transactionHash);
        var done = await monitor.RunAsync("idempotency record sent", () => redis.GetDatabase().ScriptEvaluateAsync(
            RecordSentScript, [keys.Idempotency(lease.Key)], [lease.Token, transactionHash, _retentionMilliseconds])).ConfigureAwait(false);
        return (long)done == 1;
    }

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await monitor.RunAsync("idempotency release", () => redis.GetDatabase().ScriptEvaluateAsync(
            ReleaseScript, [keys.Idempotency(lease.Key)], [lease.Token])).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task AbandonAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await monitor.RunAsync("idempotency abandon", () => redis.GetDatabase().ScriptEvaluateAsync(
            AbandonScript, [keys.Idempotency(lease.Key)], [lease.Token])).ConfigureAwait(false);
    }
}
