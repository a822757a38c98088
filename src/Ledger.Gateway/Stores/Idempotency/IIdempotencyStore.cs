namespace Ledger.Gateway.Stores;

/// <summary>
/// Remembers writes per (authority, request ID) so that a retried write returns the first
/// result instead of writing twice. A service calls <see cref="TryBeginAsync"/>, and on
/// <see cref="IdempotencyState.New"/> performs the write and then calls
/// <see cref="CompleteAsync"/> with the serialized response, or <see cref="AbandonAsync"/>
/// when it failed so that a retry can run.
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
}
