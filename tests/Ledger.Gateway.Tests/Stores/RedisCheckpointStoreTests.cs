using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisCheckpointStoreTests(RedisConnectionFixture redis)
    : CheckpointStoreContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    private readonly IOptions<StoreOptions> _options = TestOptions.Stores();

    protected override ICheckpointStore OpenStore() =>
        new RedisCheckpointStore(redis.Connection, new RedisKeys(_options),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance));

    [StoreFact]
    public async Task A_corrupt_value_is_reported_with_its_key()
    {
        var key = new RedisKeys(_options).Checkpoint("broken");
        await redis.Connection.GetDatabase().StringSetAsync(key, "12 not-a-hash");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => OpenStore().LoadAsync("broken"));

        Assert.Contains(key.ToString(), error.Message);
    }
}
