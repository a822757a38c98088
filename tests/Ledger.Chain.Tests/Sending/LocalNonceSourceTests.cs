using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>The lease rules of the local nonce source, against the counts anvil reports.</summary>
public class LocalNonceSourceTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task Leases_are_exclusive_and_a_nonce_counts_as_used_only_when_marked()
    {
        var account = Devnet.Accounts[1].Address;
        var chainCount = await Devnet.Client.GetTransactionCountAsync(account, BlockTag.Pending);
        var source = new LocalNonceSource(Devnet.Client, account);

        var first = await source.AcquireAsync();
        var waiting = source.AcquireAsync();
        Assert.Equal(chainCount, first.Nonce);
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();

        await using (var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(chainCount, second.Nonce); // not marked: the nonce is still free
            second.MarkUsed();
        }
        await using (var third = await source.AcquireAsync())
            Assert.Equal(chainCount + 1, third.Nonce);
    }

    [Fact]
    public async Task Skipping_a_taken_nonce_goes_to_the_chain_count_but_never_back()
    {
        var account = Devnet.Accounts[2].Address;
        var source = new LocalNonceSource(Devnet.Client, account);
        await using (var lease = await source.AcquireAsync())
        {
            lease.MarkUsed();
        }

        // Two transactions of the account sent elsewhere: the chain is now ahead of the source.
        await Devnet.SendTransactionAsync(account, account, value: 1);
        await Devnet.SendTransactionAsync(account, account, value: 1);
        var chainCount = await Devnet.Client.GetTransactionCountAsync(account, BlockTag.Pending);

        await using (var lease = await source.AcquireAsync())
        {
            Assert.Equal(chainCount - 1, lease.Nonce);
            await lease.SkipTakenNonceAsync();
            Assert.Equal(chainCount, lease.Nonce);
            // The chain has nothing more, yet this nonce was reported taken too: one past it.
            await lease.SkipTakenNonceAsync();
            Assert.Equal(chainCount + 1, lease.Nonce);
        }
        await source.ResetAsync();
        await using (var lease = await source.AcquireAsync())
            Assert.Equal(chainCount, lease.Nonce);
    }

    [Fact]
    public async Task A_disposed_lease_cannot_be_used_and_disposing_twice_releases_once()
    {
        var source = new LocalNonceSource(Devnet.Client, Devnet.Accounts[3].Address);
        var lease = await source.AcquireAsync();
        await lease.DisposeAsync();
        await lease.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(lease.MarkUsed);
        var next = await source.AcquireAsync();
        Assert.False(source.AcquireAsync().IsCompleted);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_a_wait_for_a_lease_leaves_the_source_usable()
    {
        var source = new LocalNonceSource(Devnet.Client, Devnet.Accounts[4].Address);
        var held = await source.AcquireAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = source.AcquireAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();

        await using var lease = await source.AcquireAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(held.Nonce, lease.Nonce);
    }
}
