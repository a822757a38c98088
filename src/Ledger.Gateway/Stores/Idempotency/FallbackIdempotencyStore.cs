namespace Ledger.Gateway.Stores;

/// <summary>
/// Keeps writes idempotent while Redis is down: any call the shared store cannot answer is
/// answered by the in-memory store, and requests first seen during an outage stay there
/// (so their retries replay on this replica even after Redis returns). Across replicas
/// during an outage, the contract's own checks (duplicate permit IDs, shipment references
/// counted once) still stop a second effect on chain.
/// </summary>
public sealed class FallbackIdempotencyStore(IIdempotencyStore shared, InMemoryIdempotencyStore local) : IIdempotencyStore
{
    /// <inheritdoc />
    public async Task<IdempotencyBegin> TryBeginAsync(IdempotencyKey key, ReadOnlyMemory<byte> requestFingerprint, CancellationToken cancellationToken = default)
    {
        if (local.Holds(key))
            return await local.TryBeginAsync(key, requestFingerprint, cancellationToken).ConfigureAwait(false);
        try
        {
            return await shared.TryBeginAsync(key, requestFingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            return await local.TryBeginAsync(key, requestFingerprint, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(IdempotencyLease lease, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (ReferenceEquals(lease.IssuedBy, local))
            return await local.CompleteAsync(lease, result, cancellationToken).ConfigureAwait(false);
        try
        {
            return await shared.CompleteAsync(lease, result, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The shared record stays "in progress" until its lease expires; retries reaching this replica replay from here.
            local.RecordCompleted(lease, result);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task AbandonAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (ReferenceEquals(lease.IssuedBy, local))
        {
            await local.AbandonAsync(lease, cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await shared.AbandonAsync(lease, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The shared record expires with its in-progress lease; then a retry proceeds.
        }
    }
}
