using Ledger.Contracts.Ethereum;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Nonce leases across replicas: a Redis key set with NX and an expiry, holding a random
/// token; release deletes it only if the token is still ours (a lease that expired and was
/// taken by another replica is left alone). Waiting polls with a growing pause.
/// </summary>
public sealed class RedisNonceLease(
    IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor, IOptions<StoreOptions> options, TimeProvider time)
    : INonceLease
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _expiry = options.Value.NonceLeaseExpiry;

    /// <inheritdoc />
    /// <exception cref="StoreUnavailableException">Redis is down.</exception>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var key = keys.NonceLease(NonceLeaseArguments.CheckAccount(account));
        var deadline = time.GetUtcNow() + NonceLeaseArguments.CheckWait(wait);
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var pause = FirstPause;
        while (true)
        {
            var acquired = await monitor.RunAsync("nonce lease", () => redis.GetDatabase().StringSetAsync(key, token, _expiry, When.NotExists))
                .ConfigureAwait(false);
            if (acquired)
                return new Release(this, key, token);
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return null;
            await Task.Delay(left < pause ? left : pause, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private async ValueTask ReleaseAsync(RedisKey key, string token)
    {
        try
        {
            await monitor.RunAsync("nonce release", () => redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [token]))
                .ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The lease expires by itself.
        }
    }

    private sealed class Release(RedisNonceLease owner, RedisKey key, string token) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _released, 1) == 0 ? owner.ReleaseAsync(key, token) : ValueTask.CompletedTask;
    }
}
