using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>What every <see cref="INonceLease"/> must do; run against each implementation.</summary>
public abstract class NonceLeaseContract
{
    /// <summary>An account used by the tests.</summary>
    protected const string Account = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    /// <summary>A lease service; two calls share the same backing (two replicas).</summary>
    protected abstract INonceLease CreateLease();

    [StoreFact]
    public async Task A_held_lease_blocks_others_until_it_is_released()
    {
        var lease = CreateLease();
        var account = NewAccount();
        var first = await lease.TryAcquireAsync(account, TimeSpan.Zero);

        var whileHeld = await lease.TryAcquireAsync(account.ToUpperInvariant().Replace("0X", "0x"), TimeSpan.FromMilliseconds(50));
        await first!.DisposeAsync();
        var afterRelease = await lease.TryAcquireAsync(account, TimeSpan.Zero);

        Assert.NotNull(first);
        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
        await afterRelease.DisposeAsync();
    }

    [StoreFact]
    public async Task Different_accounts_do_not_block_each_other()
    {
        var lease = CreateLease();
        await using var a = await lease.TryAcquireAsync(NewAccount(), TimeSpan.Zero);
        await using var b = await lease.TryAcquireAsync(NewAccount(), TimeSpan.Zero);

        Assert.NotNull(a);
        Assert.NotNull(b);
    }

    [StoreFact]
    public async Task Concurrent_holders_never_overlap_and_all_get_their_turn()
    {
        var account = NewAccount();
        var replicas = new[] { CreateLease(), CreateLease() };
        var inside = 0;
        var maxInside = 0;
        var turns = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var handle = await replicas[worker % 2].TryAcquireAsync(account, TimeSpan.FromSeconds(30));
            Assert.NotNull(handle);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Increment(ref turns);
            Interlocked.Decrement(ref inside);
            await handle.DisposeAsync();
        })));

        Assert.Equal(1, maxInside);
        Assert.Equal(8, turns);
    }

    [StoreFact]
    public async Task The_next_holder_gets_the_handover_the_last_one_left()
    {
        var account = NewAccount();
        var replicas = new[] { CreateLease(), CreateLease() };
        var counted = DateTimeOffset.UtcNow;

        var first = await replicas[0].TryAcquireAsync(account, TimeSpan.Zero);
        var firstHandover = first!.Handover;
        await first.ReleaseAsync(new NonceHandover(41, counted));
        var second = await replicas[1].TryAcquireAsync(account, TimeSpan.FromSeconds(5));
        var secondHandover = second!.Handover;
        await second.DisposeAsync();

        Assert.Null(firstHandover);
        Assert.Equal(41UL, secondHandover?.Next);
        Assert.Equal(counted.ToUnixTimeMilliseconds(), secondHandover?.CountedAt.ToUnixTimeMilliseconds());
    }

    [StoreFact]
    public async Task A_release_without_handover_makes_the_next_holder_count_at_the_node()
    {
        var lease = CreateLease();
        var account = NewAccount();
        await (await lease.TryAcquireAsync(account, TimeSpan.Zero))!.ReleaseAsync(new NonceHandover(7, DateTimeOffset.UtcNow));

        // A holder that failed (refused send, node gone) disposes without a handover.
        await (await lease.TryAcquireAsync(account, TimeSpan.Zero))!.DisposeAsync();
        var next = await lease.TryAcquireAsync(account, TimeSpan.Zero);
        var handover = next!.Handover;
        await next.DisposeAsync();

        Assert.Null(handover);
    }

    [StoreFact]
    public async Task A_handover_counted_longer_ago_than_the_recount_interval_is_not_trusted()
    {
        var lease = CreateLease();
        var account = NewAccount();
        var longAgo = DateTimeOffset.UtcNow - new StoreOptions().NonceRecountInterval - TimeSpan.FromSeconds(1);
        await (await lease.TryAcquireAsync(account, TimeSpan.Zero))!.ReleaseAsync(new NonceHandover(9, longAgo));

        var next = await lease.TryAcquireAsync(account, TimeSpan.Zero);
        var handover = next!.Handover;
        await next.DisposeAsync();

        Assert.Null(handover);
    }

    [StoreFact]
    public async Task Malformed_accounts_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateLease().TryAcquireAsync("0x1234", TimeSpan.Zero));
    }

    /// <summary>A fresh account so tests sharing a Redis do not contend.</summary>
    protected static string NewAccount() => "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000";

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
