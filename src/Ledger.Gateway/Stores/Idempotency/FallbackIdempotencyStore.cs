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
            var completed = await shared.CompleteAsync(lease, result, cancellationToken).ConfigureAwait(false);
            // A transaction hash adopted here during an outage answers retries on this replica first: complete it too.
            if (local.Holds(lease.Key))
                local.RecordCompleted(lease, result);
            return completed;
        }
        catch (StoreUnavailableException)
        {
            // The shared record stays "in progress" until its lease expires; retries reaching this replica replay from here.
            local.RecordCompleted(lease, result);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RecordSentAsync(IdempotencyLease lease, string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (ReferenceEquals(lease.IssuedBy, local))
            return await local.RecordSentAsync(lease, transactionHash, cancellationToken).ConfigureAwait(false);
        try
        {
            return await shared.RecordSentAsync(lease, transactionHash, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // Keep the hash here: retries reaching this replica look the transaction up instead of sending again.
            local.AdoptSent(lease, transactionHash);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (ReferenceEquals(lease.IssuedBy, local) || local.Holds(lease.Key))
            await local.ReleaseAsync(lease, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(lease.IssuedBy, local))
            return;
        try
        {
            await shared.ReleaseAsync(lease, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // The shared record's lease runs out; then a retry is handed its hash, if it was recorded there.
        }
    }

    /// <inheritdoc />
    public async Task AbandonAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (ReferenceEquals(lease.IssuedBy, local) || local.Holds(lease.Key))
            await local.AbandonAsync(lease, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(lease.IssuedBy, local))
            return;
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
