using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisNonceLeaseTests(RedisConnectionFixture redis)
    : NonceLeaseContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    private readonly IOptions<StoreOptions> _options = TestOptions.Stores(o => o.NonceLeaseExpiry = TimeSpan.FromSeconds(1));

    protected override INonceLease CreateLease() =>
        new RedisNonceLease(redis.Connection, new RedisKeys(_options),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), _options, TimeProvider.System);

    [StoreFact]
    public async Task A_lease_whose_holder_died_expires_and_its_late_release_does_not_free_the_next_holder()
    {
        var account = NewAccount();
        var dead = await CreateLease().TryAcquireAsync(account, TimeSpan.Zero);

        var next = await CreateLease().TryAcquireAsync(account, TimeSpan.FromSeconds(10));
        await dead!.DisposeAsync();
        var third = await CreateLease().TryAcquireAsync(account, TimeSpan.Zero);

        Assert.NotNull(next);
        Assert.Null(third);
    }
}
