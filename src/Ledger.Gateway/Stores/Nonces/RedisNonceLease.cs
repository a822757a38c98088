using System.Collections.Concurrent;
using System.Globalization;
using Ledger.Contracts.Ethereum;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Nonce leases across replicas: a Redis key set with NX and an expiry, holding a random
/// token; release deletes it only if the token is still ours (a lease that expired and was
/// taken by another replica is left alone). Taking the lease also takes the handover the last
/// holder left (one script, one round trip); releasing leaves the next one and publishes the
/// release, which wakes the replicas waiting for that account at once. Waiters also retry with
/// a growing pause, in case a release message is lost.
/// </summary>
public sealed class RedisNonceLease(
    IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor, IOptions<StoreOptions> options, TimeProvider time)
    : INonceLease
{
    // The handover is taken with the lease, so a holder that dies leaves none behind.
    private const string AcquireScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          local handover = redis.call('GET', KEYS[2])
          redis.call('DEL', KEYS[2])
          return {1, handover or ''}
        end
        return {0, ''}
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        redis.call('PUBLISH', ARGV[4], ARGV[5])
        return 1
        """;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _expiry = options.Value.NonceLeaseExpiry;
    private readonly NonceHandoverPolicy _policy = new(options, time);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _releases = new(StringComparer.Ordinal);
    private readonly Lock _subscribing = new();
    private Task? _subscription;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        account = NonceLeaseArguments.CheckAccount(account);
        var deadline = time.GetUtcNow() + NonceLeaseArguments.CheckWait(wait);
        await SubscribedAsync().ConfigureAwait(false);
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var pause = FirstPause;
        while (true)
        {
            // Watch for a release before trying, so one between the try and the wait is not missed.
            var released = _releases.GetOrAdd(account, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            var result = (RedisResult[])(await monitor.RunAsync("nonce lease", () => redis.GetDatabase().ScriptEvaluateAsync(
                AcquireScript, [keys.NonceLease(account), keys.NonceHandover(account)],
                [token, (long)_expiry.TotalMilliseconds])).ConfigureAwait(false))!;
            if ((long)result[0] == 1)
            {
                var handover = _policy.Trusted(NonceHandoverPolicy.Parse((string?)result[1]), LastOutage());
                return new Handle(this, account, token, handover);
            }
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return null;
            var delay = Task.Delay(left < pause ? left : pause, time, cancellationToken);
            await Task.WhenAny(released, delay).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private DateTimeOffset LastOutage() =>
        monitor.LastFailureUnixMilliseconds == long.MinValue ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeMilliseconds(monitor.LastFailureUnixMilliseconds);

    private async Task SubscribedAsync()
    {
        Task subscription;
        lock (_subscribing)
        {
            if (_subscription is null || _subscription.IsFaulted || _subscription.IsCanceled)
                _subscription = redis.GetSubscriber().SubscribeAsync(keys.NonceReleased, (_, message) => Wake((string?)message));
            subscription = _subscription;
        }
        try
        {
            await subscription.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Without the subscription waiters still get the lease by retrying; it only makes them prompt. Tried again next time.
        }
    }

    private void Wake(string? account)
    {
        if (account is not null && _releases.TryRemove(account, out var released))
            released.TrySetResult();
    }

    private async ValueTask ReleaseAsync(string account, string token, NonceHandover? handover)
    {
        try
        {
            await monitor.RunAsync("nonce release", () => redis.GetDatabase().ScriptEvaluateAsync(
                    ReleaseScript, [keys.NonceLease(account), keys.NonceHandover(account)],
                    [token, handover is null ? string.Empty : NonceHandoverPolicy.Format(handover),
                        Math.Max(1L, (long)_policy.RecountInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                        keys.NonceReleased.ToString(), account]))
                .ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The lease expires by itself; the handover is lost, so the next holder counts at the node.
        }
        // A waiter of this process need not wait for the message to come back from Redis.
        Wake(account);
    }

    private sealed class Handle(RedisNonceLease owner, string account, string token, NonceHandover? handover) : INonceLeaseHandle
    {
        private int _released;

        public NonceHandover? Handover { get; } = handover;

        public ValueTask ReleaseAsync(NonceHandover? next) =>
            Interlocked.Exchange(ref _released, 1) == 0 ? owner.ReleaseAsync(account, token, next) : ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ReleaseAsync(null);
    }
}
