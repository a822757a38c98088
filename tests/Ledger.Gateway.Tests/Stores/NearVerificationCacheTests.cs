using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>The near cache keeps the cache contract (over a real Redis, with real pub/sub).</summary>
public sealed class NearVerificationCacheContractTests(RedisConnectionFixture redis)
    : VerificationCacheContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    protected override IVerificationCache CreateCache() => NearCacheReplica.Create(redis.Connection, TestOptions.Stores()).Cache;

    /// <remarks>Subscribed first: until then the copy is bypassed and these tests would only test Redis.</remarks>
    protected override async Task<IVerificationCache> CreateReadyCacheAsync()
    {
        var replica = NearCacheReplica.Create(redis.Connection, TestOptions.Stores());
        await replica.AwaitLiveAsync();
        return replica.Cache;
    }

    protected override Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired) =>
        Eventually.TrueAsync(expired, timeToLive + TimeSpan.FromSeconds(10), "the value expires");
}

/// <summary>Replicas evict each other's copies; the copy is bounded; without a live subscription it is bypassed.</summary>
public sealed class NearVerificationCacheTests(RedisConnectionFixture redis) : IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private static string NewPermitKey() => "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [StoreFact]
    public async Task An_invalidation_at_one_replica_evicts_the_copy_another_replica_holds()
    {
        // Two processes' worth: separate multiplexers, same key prefix (same authority), copies kept 30 s.
        var options = TestOptions.Stores(o => o.NearCacheMaxAge = TimeSpan.FromSeconds(30));
        await using var otherConnection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(redis.Server.Configuration));
        var a = NearCacheReplica.Create(redis.Connection, options);
        var b = NearCacheReplica.Create(otherConnection, options);
        var key = NewPermitKey();
        await a.Cache.SetAsync(key, new byte[] { 1 }, 1, Long);
        await b.AwaitLiveAsync();
        await b.AwaitHeldAsync(key);

        // The replica's copy is what answers: Redis changed behind its back, B still says 1.
        await a.Redis.SetAsync(key, new byte[] { 2 }, 1, Long);
        Assert.Equal(new byte[] { 1 }, await b.Cache.GetAsync(key));

        await a.AwaitLiveAsync();
        await a.Cache.InvalidateAsync(key, 2);

        await Eventually.TrueAsync(async () => await b.Cache.GetAsync(key) is null, TimeSpan.FromSeconds(5),
            "replica B stops answering from its copy after replica A's invalidation (else it would for 30 s)");
    }

    [StoreFact]
    public async Task A_batch_invalidation_at_one_replica_evicts_every_key_of_it_from_another_replicas_copy()
    {
        var options = TestOptions.Stores(o => o.NearCacheMaxAge = TimeSpan.FromSeconds(30));
        await using var otherConnection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(redis.Server.Configuration));
        var a = NearCacheReplica.Create(redis.Connection, options);
        var b = NearCacheReplica.Create(otherConnection, options);
        var keys = Enumerable.Range(0, 3).Select(_ => NewPermitKey()).ToArray();
        await b.AwaitLiveAsync();
        foreach (var key in keys)
        {
            await a.Cache.SetAsync(key, new byte[] { 1 }, 1, Long);
            await b.AwaitHeldAsync(key);
        }
        await a.AwaitLiveAsync();

        await a.Cache.InvalidateManyAsync(keys.Select(key => new PermitChange(key, 2)).ToList());

        foreach (var key in keys)
        {
            await Eventually.TrueAsync(async () => await b.Cache.GetAsync(key) is null, TimeSpan.FromSeconds(5),
                $"replica B drops {key} after replica A's batch invalidation (one message naming every key)");
        }
        Assert.Null(await a.Redis.GetAsync(keys[^1]));
    }

    [StoreFact]
    public async Task The_copy_holds_at_most_its_capacity()
    {
        var near = NearCacheReplica.Create(redis.Connection, TestOptions.Stores(o => o.NearCacheCapacity = 3));
        await near.AwaitLiveAsync();
        var keys = Enumerable.Range(0, 8).Select(_ => NewPermitKey()).ToList();
        foreach (var key in keys)
        {
            await near.Cache.SetAsync(key, new byte[] { 7 }, 1, Long);
            Assert.Equal(new byte[] { 7 }, await near.Cache.GetAsync(key));
        }

        Assert.Equal(3, near.Cache.Count);
        // What did not fit is still answered, from Redis.
        foreach (var key in keys)
            Assert.Equal(new byte[] { 7 }, await near.Cache.GetAsync(key));
    }

    [StoreFact]
    public async Task Without_a_live_subscription_the_copy_is_emptied_and_bypassed()
    {
        var options = TestOptions.Stores();
        var redisCache = NearCacheReplica.RedisCache(redis.Connection, options);
        var invalidations = new SwitchableInvalidations { Live = true };
        var near = new NearVerificationCache(redisCache, invalidations, TimeProvider.System, options);
        var key = NewPermitKey();
        await near.SetAsync(key, new byte[] { 1 }, 1, Long);
        Assert.Equal(new byte[] { 1 }, await near.GetAsync(key));
        Assert.Equal(1, near.Count);

        invalidations.GoDown();
        Assert.Equal(0, near.Count);
        await redisCache.SetAsync(key, new byte[] { 2 }, 1, Long);

        Assert.Equal(new byte[] { 2 }, await near.GetAsync(key));
        Assert.Equal(0, near.Count);
    }

    [StoreFact]
    public async Task When_Redis_goes_away_the_subscription_is_not_live_and_the_copy_is_emptied()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(server.Configuration));
        var near = NearCacheReplica.Create(connection, TestOptions.Stores());
        var key = NewPermitKey();
        await near.Cache.SetAsync(key, new byte[] { 1 }, 1, Long);
        await near.AwaitLiveAsync();
        await near.AwaitHeldAsync(key);

        await server.StopAsync();

        await Eventually.TrueAsync(() => Task.FromResult(!near.Invalidations.IsLive && near.Cache.Count == 0), TimeSpan.FromSeconds(10),
            "the lost subscription empties the copy");
        Assert.Null(await near.Cache.GetAsync(key));
    }

    private sealed class SwitchableInvalidations : IVerificationInvalidations
    {
        public bool Live { get; set; }

        public bool IsLive => Live;

        public event Action<string?>? Evicted;

        public Task PublishAsync(IReadOnlyCollection<string> permitKeys)
        {
            foreach (var permitKey in permitKeys)
                Evicted?.Invoke(permitKey);
            return Task.CompletedTask;
        }

        public void GoDown()
        {
            Live = false;
            Evicted?.Invoke(null);
        }
    }
}

/// <summary>One gateway process's verification cache: its Redis cache, its pub/sub channel and the near cache over both.</summary>
internal sealed record NearCacheReplica(NearVerificationCache Cache, RedisVerificationCache Redis, RedisVerificationInvalidations Invalidations)
{
    public static RedisVerificationCache RedisCache(IConnectionMultiplexer connection, IOptions<StoreOptions> options) =>
        new(connection, new RedisKeys(options), new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), TimeProvider.System);

    public static NearCacheReplica Create(IConnectionMultiplexer connection, IOptions<StoreOptions> options)
    {
        var redis = RedisCache(connection, options);
        var invalidations = new RedisVerificationInvalidations(connection, new RedisKeys(options), TimeProvider.System,
            NullLogger<RedisVerificationInvalidations>.Instance);
        return new NearCacheReplica(new NearVerificationCache(redis, invalidations, TimeProvider.System, options), redis, invalidations);
    }

    public Task AwaitLiveAsync() =>
        Eventually.TrueAsync(() => Task.FromResult(Invalidations.IsLive), TimeSpan.FromSeconds(10), "the invalidation channel is subscribed");

    /// <summary>Reads <paramref name="permitKey"/> until the copy holds it (the first reads may come before the subscription).</summary>
    public Task AwaitHeldAsync(string permitKey) =>
        Eventually.TrueAsync(async () =>
        {
            await Cache.GetAsync(permitKey);
            return Cache.Count > 0;
        }, TimeSpan.FromSeconds(10), "the copy holds the value");
}
