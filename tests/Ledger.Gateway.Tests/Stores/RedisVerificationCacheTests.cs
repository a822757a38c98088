using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisVerificationCacheTests(RedisConnectionFixture redis)
    : VerificationCacheContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    protected override IVerificationCache CreateCache()
    {
        var options = TestOptions.Stores();
        return new RedisVerificationCache(redis.Connection, new RedisKeys(options),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), TimeProvider.System);
    }

    protected override Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired) =>
        Eventually.TrueAsync(expired, timeToLive + TimeSpan.FromSeconds(10), "Redis expires the value");
}
