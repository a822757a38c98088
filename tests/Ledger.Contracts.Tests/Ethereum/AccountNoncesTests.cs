using Ledger.Contracts.Tests.Ethereum.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// <see cref="AccountNonces"/> against a fake lease, a fake node and a fake clock: when the node
/// is counted, what the lease carries from one holder to the next, how long a queue of this
/// process's sends keeps the lease, and that nothing leaves it held.
/// </summary>
public sealed class AccountNoncesTests
{
    private static readonly Address Account = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(250);

    private readonly PendingCountClient _node = new() { PendingCount = 5 };
    private readonly FakeNonceLease _lease = new();
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Alone_the_node_is_counted_once_a_used_nonce_moves_on_and_an_unused_one_comes_back()
    {
        var nonces = new AccountNonces(_node, Account, timeProvider: _clock);

        await using (var first = await nonces.ReserveAsync())
        {
            Assert.Equal(5ul, first.Nonce);
            first.MarkUsed();
        }
        await using (var refused = await nonces.ReserveAsync())
            Assert.Equal(6ul, refused.Nonce);
        await using (var again = await nonces.ReserveAsync())
            Assert.Equal(6ul, again.Nonce);

        Assert.Equal(1, _node.Reads);
    }

    [Fact]
    public async Task A_handover_is_trusted_without_the_node_and_passed_on_with_its_count_time()
    {
        var countedAt = Start.AddSeconds(-2);
        _lease.Stored = new NonceHandover(7, countedAt);
        var nonces = Shared();

        await using (var reservation = await nonces.ReserveAsync())
        {
            Assert.Equal(7ul, reservation.Nonce);
            reservation.MarkUsed();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, _node.Reads);
        // The count time is when the node counted, not when the nonce was last carried on:
        // the store's recount interval is measured from it.
        Assert.Equal(new NonceHandover(8, countedAt), Assert.Single(_lease.Releases));
        Assert.False(_lease.Held);
    }

    [Fact]
    public async Task Without_a_handover_the_node_is_counted_and_the_count_time_is_handed_on()
    {
        var nonces = Shared();

        await using (var reservation = await nonces.ReserveAsync())
        {
            Assert.Equal(5ul, reservation.Nonce);
            reservation.MarkUsed();
        }

        Assert.Equal(1, _node.Reads);
        Assert.Equal(new NonceHandover(6, Start), Assert.Single(_lease.Releases));
    }

    [Fact]
    public async Task A_failed_send_gives_the_lease_back_without_a_handover_so_the_next_holder_counts()
    {
        _lease.Stored = new NonceHandover(7, Start);
        var nonces = Shared();

        await using (var failed = await nonces.ReserveAsync())
            Assert.Equal(7ul, failed.Nonce);
        Assert.Null(Assert.Single(_lease.Releases));

        await using (var next = await nonces.ReserveAsync())
            Assert.Equal(5ul, next.Nonce);
        Assert.Equal(1, _node.Reads);
    }

    [Fact]
    public async Task Queued_sends_keep_the_lease_and_the_last_one_hands_it_over()
    {
        _lease.Stored = new NonceHandover(7, Start);
        var nonces = Shared();

        var first = await nonces.ReserveAsync();
        var queued = nonces.ReserveAsync();
        Assert.False(queued.IsCompleted);
        first.MarkUsed();
        await first.DisposeAsync();

        await using (var second = await queued.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(8ul, second.Nonce);
            Assert.Empty(_lease.Releases);
            second.MarkUsed();
        }

        Assert.Equal(1, _lease.Acquires);
        Assert.Equal(new NonceHandover(9, Start), Assert.Single(_lease.Releases));
        Assert.Equal(0, _node.Reads);
    }

    [Fact]
    public async Task Past_the_hold_limit_the_lease_goes_back_to_the_store_even_with_a_queue()
    {
        _lease.Stored = new NonceHandover(7, Start);
        var nonces = Shared();

        var first = await nonces.ReserveAsync();
        var queued = nonces.ReserveAsync();
        first.MarkUsed();
        _clock.Advance(Hold);
        await first.DisposeAsync();

        Assert.Equal(new NonceHandover(8, Start), Assert.Single(_lease.Releases));
        await using (var second = await queued.WaitAsync(TimeSpan.FromSeconds(10)))
            Assert.Equal(8ul, second.Nonce);
        Assert.Equal(2, _lease.Acquires);
    }

    [Fact]
    public async Task A_requested_recount_outranks_a_trusted_handover_once()
    {
        _lease.Stored = new NonceHandover(7, Start);
        var nonces = Shared();
        nonces.RequestRecount();

        await using (var recounted = await nonces.ReserveAsync())
        {
            Assert.Equal(5ul, recounted.Nonce);
            recounted.MarkUsed();
        }
        await using (var carried = await nonces.ReserveAsync())
            Assert.Equal(6ul, carried.Nonce);

        Assert.Equal(1, _node.Reads);
    }

    [Fact]
    public async Task A_recount_after_a_lost_receipt_stays_owed_until_a_count_is_read()
    {
        var nonces = new AccountNonces(_node, Account, timeProvider: _clock);
        await using (var sent = await nonces.ReserveAsync())
            sent.MarkUsed();
        // The receipt of nonce 5 never came: the node may have lost it.
        nonces.RequestRecount();
        _node.Away = true;

        await Assert.ThrowsAsync<RpcClientUnknownException>(() => nonces.ReserveAsync());

        _node.Away = false;
        await using var afterwards = await nonces.ReserveAsync();
        Assert.Equal(5ul, afterwards.Nonce);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_while_the_lease_is_kept_for_it_leaves_the_lease_released()
    {
        using var cancel = new CancellationTokenSource();
        Task<NonceReservation>? queued = null;
        // The holder decides to keep the lease for the queued waiter (it reads the clock only
        // then); the waiter gives up at that moment and is gone before the holder lets go.
        var clock = new HookedClock(Start, () =>
        {
            cancel.Cancel();
            Assert.True(((IAsyncResult)queued!).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
        });
        var nonces = new AccountNonces(_node, Account, _lease, TimeSpan.FromSeconds(1), Hold, clock);

        var first = await nonces.ReserveAsync();
        queued = nonces.ReserveAsync(cancel.Token);
        first.MarkUsed();
        clock.Armed = true;
        await first.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.True(clock.Hooked);
        Assert.False(_lease.Held);
        Assert.Equal(new NonceHandover(6, Start), Assert.Single(_lease.Releases));
    }

    [Fact]
    public async Task A_waiter_that_gives_up_after_the_holder_let_go_releases_the_lease_kept_for_it()
    {
        var givingUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holderDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The waiter stops at the seam once it has left the gate's queue but still counts as
        // queued, until the holder has let go of the gate and looked for an idle lease.
        var nonces = new AccountNonces(_node, Account, _lease, TimeSpan.FromSeconds(1), Hold, _clock)
        {
            GivingUp = () =>
            {
                givingUp.SetResult();
                return holderDone.Task;
            },
        };
        using var cancel = new CancellationTokenSource();

        var first = await nonces.ReserveAsync();
        var queued = nonces.ReserveAsync(cancel.Token);
        await cancel.CancelAsync();
        await givingUp.Task.WaitAsync(TimeSpan.FromSeconds(10));
        first.MarkUsed();
        await first.DisposeAsync();
        Assert.True(_lease.Held);
        holderDone.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(_lease.Held);
        Assert.Equal(new NonceHandover(6, Start), Assert.Single(_lease.Releases));
    }

    [Fact]
    public async Task A_reset_gives_a_lease_kept_for_a_queued_send_back_without_a_handover()
    {
        _lease.Stored = new NonceHandover(7, Start);
        var nonces = Shared();

        var first = await nonces.ReserveAsync();
        // The reset queues ahead of the send, so the lease the holder keeps for the send reaches the reset first.
        var reset = nonces.ResetAsync();
        var queued = nonces.ReserveAsync();
        first.MarkUsed();
        await first.DisposeAsync();
        await reset.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(Assert.Single(_lease.Releases));
        await using (var second = await queued.WaitAsync(TimeSpan.FromSeconds(10)))
            Assert.Equal(5ul, second.Nonce);
        Assert.Equal(2, _lease.Acquires);
        Assert.Equal(1, _node.Reads);
    }

    private AccountNonces Shared() => new(_node, Account, _lease, TimeSpan.FromSeconds(1), Hold, _clock);

    /// <summary>A fake clock that runs an action the first time it is read once armed.</summary>
    private sealed class HookedClock(DateTimeOffset start, Action hook) : FakeTimeProvider(start)
    {
        public bool Armed { get; set; }

        public bool Hooked { get; private set; }

        public override long GetTimestamp()
        {
            if (Armed && !Hooked)
            {
                Hooked = true;
                hook();
            }
            return base.GetTimestamp();
        }
    }
}
