using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Tests.Stores;

public sealed class FallbackNonceLeaseTests
{
    private const string Account = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    [Fact]
    public async Task While_the_shared_lease_is_down_the_local_one_serialises_and_every_send_counts_at_the_node()
    {
        var local = new InMemoryNonceLease();
        // What this process handed over before the outage knows nothing of the other replicas' sends since.
        await (await local.TryAcquireAsync(Account, TimeSpan.Zero))!.ReleaseAsync(new NonceHandover(5, DateTimeOffset.UtcNow));
        var lease = new FallbackNonceLease(new DownLease(), local);

        var first = await lease.TryAcquireAsync(Account, TimeSpan.Zero);
        var whileHeld = await lease.TryAcquireAsync(Account, TimeSpan.Zero);
        var firstHandover = first!.Handover;
        await first.ReleaseAsync(new NonceHandover(6, DateTimeOffset.UtcNow));
        var second = await lease.TryAcquireAsync(Account, TimeSpan.Zero);
        var secondHandover = second!.Handover;
        await second.DisposeAsync();

        Assert.Null(whileHeld);
        Assert.Null(firstHandover);
        Assert.Null(secondHandover);
    }

    private sealed class DownLease : INonceLease
    {
        public Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("Redis is unavailable (nonce lease): RedisConnectionException.", new TimeoutException());
    }
}
