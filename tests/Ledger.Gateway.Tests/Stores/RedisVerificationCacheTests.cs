using Ledger.Gateway.Application;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisVerificationCacheTests(RedisConnectionFixture redis)
    : VerificationCacheContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    // One key prefix for the class, so that a test can look at the keys its cache wrote.
    private readonly RedisKeys _keys = new(TestOptions.Stores());

    protected override IVerificationCache CreateCache() => CacheOver(redis.Connection);

    protected override Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired) =>
        Eventually.TrueAsync(expired, timeToLive + TimeSpan.FromSeconds(10), "Redis expires the value");

    private RedisVerificationCache CacheOver(IConnectionMultiplexer connection) =>
        new(connection, _keys, new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), TimeProvider.System);

    [StoreFact]
    public async Task The_change_marker_is_the_block_and_outlives_the_longest_cached_verification()
    {
        var cache = CreateCache();
        var key = NewPermitKey();

        await cache.InvalidateAsync(key, 4_503_599_627_370_495);

        var marker = _keys.VerificationChangedAt(key);
        var db = redis.Connection.GetDatabase();
        Assert.Equal("4503599627370495", (string?)await db.StringGetAsync(marker));
        var lifetime = await db.KeyTimeToLiveAsync(marker);
        Assert.NotNull(lifetime);
        Assert.True(lifetime > VerifyPermitHandler.MaxCacheAge + TimeSpan.FromSeconds(20), $"marker kept {lifetime}, cached verifications live up to {VerifyPermitHandler.MaxCacheAge}");
        Assert.True(lifetime <= IVerificationCache.ChangeMarkerLifetime, "markers do expire: one key per recently changed permit, not per permit ever changed");
    }

    [StoreFact]
    public async Task Invalidating_again_at_a_lower_block_restarts_the_markers_lifetime_and_keeps_its_block()
    {
        var cache = CreateCache();
        var key = NewPermitKey();
        var marker = _keys.VerificationChangedAt(key);
        var db = redis.Connection.GetDatabase();
        await cache.InvalidateAsync(key, 9);
        await db.KeyExpireAsync(marker, TimeSpan.FromSeconds(2));

        await cache.InvalidateAsync(key, 7);

        Assert.Equal("9", (string?)await db.StringGetAsync(marker));
        Assert.True(await db.KeyTimeToLiveAsync(marker) > TimeSpan.FromSeconds(30));
    }

    [StoreFact]
    public async Task A_stale_answer_from_another_replica_is_refused_after_this_replicas_invalidation()
    {
        await using var otherConnection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(redis.Server.Configuration));
        var (writer, reader) = (CacheOver(redis.Connection), CacheOver(otherConnection));
        var key = NewPermitKey();

        // The reader read VALID at block 40; the writer's cancellation (block 41) is invalidated first.
        await writer.InvalidateAsync(key, 41);
        await reader.SetAsync(key, new byte[] { 1 }, 40, TimeSpan.FromSeconds(30));

        // The reader's SET was fire-and-forget: a read on its own connection comes after it.
        Assert.Null(await reader.GetAsync(key));
        Assert.Null(await writer.GetAsync(key));
    }

    [StoreFact]
    public async Task Sets_and_invalidations_still_work_after_Redis_forgot_its_scripts()
    {
        var cache = CreateCache();
        var (before, after) = (NewPermitKey(), NewPermitKey());
        await cache.SetAsync(before, new byte[] { 1 }, 1, TimeSpan.FromSeconds(30));
        await cache.InvalidateAsync(before, 1);
        await cache.SetAsync(before, new byte[] { 1 }, 1, TimeSpan.FromSeconds(30));
        Assert.NotNull(await cache.GetAsync(before));

        // A restarted Redis has no cached scripts: a client that only sent EVALSHA would lose every SET.
        var adminOptions = RedisConnectionFactory.CreateOptions(redis.Server.Configuration);
        adminOptions.AllowAdmin = true;
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(adminOptions))
            await admin.GetServers()[0].ScriptFlushAsync();
        await cache.SetAsync(after, new byte[] { 2 }, 1, TimeSpan.FromSeconds(30));
        await cache.InvalidateAsync(before, 3);

        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(after));
        Assert.Null(await cache.GetAsync(before));
        Assert.Equal("3", (string?)await redis.Connection.GetDatabase().StringGetAsync(_keys.VerificationChangedAt(before)));
    }
}
