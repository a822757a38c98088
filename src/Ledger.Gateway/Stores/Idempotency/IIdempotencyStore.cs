namespace Ledger.Gateway.Stores;

/// <summary>
/// Remembers writes per (authority, request ID) so that a retried write returns the first
/// result instead of writing twice. A service calls <see cref="TryBeginAsync"/>, and on
/// <see cref="IdempotencyState.New"/> performs the write and then calls
/// <see cref="CompleteAsync"/> with the serialized response, or <see cref="AbandonAsync"/>
/// when it failed so that a retry can run. A write that broadcasts a transaction records its
/// hash (<see cref="RecordSentAsync"/>) before waiting for the receipt; if it then ends without
/// knowing the outcome it calls <see cref="ReleaseAsync"/>, and the next attempt is told
/// <see cref="IdempotencyState.Sent"/> with that hash, to look it up before sending anything.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Longest request fingerprint, in bytes (a SHA-256 fits).</summary>
    const int MaxFingerprintBytes = 64;

    /// <summary>Largest stored result, in bytes.</summary>
    const int MaxResultBytes = 1024 * 1024;

    /// <summary>Atomically starts a write unless this request ID is known.</summary>
    /// <param name="key">Authority and request ID.</param>
    /// <param name="requestFingerprint">Hash of the request's content (1..64 bytes): the same ID with another fingerprint is a mismatch.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<IdempotencyBegin> TryBeginAsync(IdempotencyKey key, ReadOnlyMemory<byte> requestFingerprint, CancellationToken cancellationToken = default);

    /// <summary>Stores the result of the leased write for replay; false when the lease had expired and was lost.</summary>
    Task<bool> CompleteAsync(IdempotencyLease lease, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default);

    /// <summary>Forgets the leased write (it failed), so a retry with the same ID proceeds.</summary>
    Task AbandonAsync(IdempotencyLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers with the leased write the hash of the transaction it has just broadcast; from
    /// then on the record lives for the full retention, even if the write never completes.
    /// False when the lease was lost.
    /// </summary>
    Task<bool> RecordSentAsync(IdempotencyLease lease, string transactionHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the leased write without a result after it sent a transaction whose outcome is not
    /// known (a receipt timeout): the record keeps the hash and the next
    /// <see cref="TryBeginAsync"/> answers <see cref="IdempotencyState.Sent"/>. Without a recorded
    /// transaction this is <see cref="AbandonAsync"/>.
    /// </summary>
    Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken = default);
}
