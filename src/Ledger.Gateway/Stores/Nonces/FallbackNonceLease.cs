using Ledger.Contracts.Ethereum;
namespace Ledger.Gateway.Stores;

/// <summary>
/// Uses the shared (Redis) lease, and this process's lease while Redis is down. Replicas
/// may then collide on a nonce; the node rejects the second transaction ("nonce too low")
/// and the write is retried, so the outage costs a retry, not correctness.
/// </summary>
public sealed class FallbackNonceLease(INonceLease shared, InMemoryNonceLease local) : INonceLease
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        try
        {
            return await shared.TryAcquireAsync(account, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return await local.TryAcquireAsync(account, wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
