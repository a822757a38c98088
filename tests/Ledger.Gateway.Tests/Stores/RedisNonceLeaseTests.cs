using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Stores;

public sealed class RedisNonceLeaseTests(RedisConnectionFixture redis)
    : NonceLeaseContract, IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    private readonly IOptions<StoreOptions> _options = TestOptions.Stores(o => o.NonceLeaseExpiry = TimeSpan.FromSeconds(1));

    protected override INonceLease CreateLease() => CreateLease(TimeProvider.System);

    private RedisNonceLease CreateLease(TimeProvider time) => CreateLease(time, _options);

    private RedisNonceLease CreateLease(TimeProvider time, IOptions<StoreOptions> options) =>
        new(redis.Connection, new RedisKeys(options), new RedisOutageMonitor(time, NullLogger<RedisOutageMonitor>.Instance), options, time);

    [StoreFact]
    public async Task A_release_wakes_a_replica_waiting_for_the_lease_without_its_retry_pause()
    {
        var account = NewAccount();
        // The waiter's clock stands still: its retry pause never ends, only the release message can wake it.
        // The lease must outlive a slow machine's pauses: an expired lease's release publishes nothing (it is not the holder's any more).
        var lasting = TestOptions.Stores(o => o.NonceLeaseExpiry = TimeSpan.FromMinutes(1));
        var stoppedClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var holder = await CreateLease(TimeProvider.System, lasting).TryAcquireAsync(account, TimeSpan.Zero);
        var waiter = CreateLease(stoppedClock, lasting).TryAcquireAsync(account, TimeSpan.FromSeconds(30));
        var stillWaiting = await Task.WhenAny(waiter, Task.Delay(TimeSpan.FromMilliseconds(300))) != waiter;

        await holder!.ReleaseAsync(new NonceHandover(3, DateTimeOffset.UtcNow));
        var woken = await waiter.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stillWaiting);
        Assert.NotNull(woken);
        Assert.Equal(3UL, woken.Handover?.Next);
        await woken.DisposeAsync();
    }

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
