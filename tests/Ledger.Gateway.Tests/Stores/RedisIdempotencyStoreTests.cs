using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisIdempotencyStoreTests(RedisConnectionFixture redis)
    : IdempotencyStoreContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    protected override IIdempotencyStore CreateStore(TimeSpan inProgressLease, TimeSpan retention)
    {
        var options = TestOptions.Stores(o =>
        {
            o.IdempotencyInProgressLease = inProgressLease;
            o.IdempotencyRetention = retention;
        });
        return new RedisIdempotencyStore(redis.Connection, new RedisKeys(options),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), options);
    }

    protected override Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired) =>
        Eventually.TrueAsync(expired, timeToLive + TimeSpan.FromSeconds(10), "Redis expires the record");

    [StoreFact]
    public async Task Records_are_kept_in_redis_with_the_configured_retention()
    {
        var options = TestOptions.Stores();
        var store = new RedisIdempotencyStore(redis.Connection, new RedisKeys(options),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), options);
        var key = IdempotencyKey.Create(Authority, "retention-check");
        var begun = await store.TryBeginAsync(key, new byte[] { 1 });
        await store.CompleteAsync(begun.Lease!, new byte[] { 2 });

        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(new RedisKeys(options).Idempotency(key));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
    }
}
