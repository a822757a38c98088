using Ledger.Contracts.Ethereum;
namespace Ledger.Gateway.Stores;

/// <summary>
/// Uses the shared (Redis) lease, and this process's lease while Redis is down. Replicas
/// may then collide on a nonce; the node rejects the second transaction ("nonce too low")
/// and the write is retried, so the outage costs a retry, not correctness. During the outage
/// every send counts its nonce at the node: a handover kept in this process knows nothing of
/// what the other replicas sent.
/// </summary>
public sealed class FallbackNonceLease(INonceLease shared, InMemoryNonceLease local) : INonceLease
{
    /// <inheritdoc />
    public async Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        try
        {
            return await shared.TryAcquireAsync(account, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return await local.TryAcquireAsync(account, wait, cancellationToken).ConfigureAwait(false) is { } held ? new CountingHandle(held) : null;
        }
    }

    /// <summary>A local lease that offers no handover and keeps none.</summary>
    private sealed class CountingHandle(INonceLeaseHandle inner) : INonceLeaseHandle
    {
        public NonceHandover? Handover => null;

        public ValueTask ReleaseAsync(NonceHandover? handover) => inner.ReleaseAsync(null);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
