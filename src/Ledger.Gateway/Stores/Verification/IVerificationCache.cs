namespace Ledger.Gateway.Stores;

/// <summary>
/// Short-lived cache of verification results by permit key. The chain is the truth: a
/// failing cache is a miss, never an error, so no method throws because the store is down.
/// Values are opaque bytes (the service's serialized answer).
/// </summary>
/// <remarks>
/// A value is a chain answer read at some block, and a permit may change between that read and
/// the write of its answer here. So every invalidation leaves a change marker, the highest block
/// at which the permit is known to have changed, and a write of an answer read at an earlier
/// block is refused: an invalidation that overtakes the write of a stale answer still wins.
/// </remarks>
public interface IVerificationCache
{
    /// <summary>Largest value accepted, in bytes.</summary>
    const int MaxValueBytes = 64 * 1024;

    /// <summary>
    /// Largest block number accepted (2^53 - 1: Redis scripts compare blocks as Lua numbers, which
    /// are exact up to it). A change whose block is not known is invalidated at this block, which
    /// refuses every write of the permit while its marker lives.
    /// </summary>
    const ulong MaxBlock = (1UL << 53) - 1;

    /// <summary>
    /// How long a change marker is kept after its last invalidation. A stale write can only be
    /// refused while the marker lives, so this bounds how late after the invalidation the write
    /// of an answer read before the change may arrive. Such a write leaves within milliseconds of
    /// its read, and a Redis command that cannot be sent fails at once (fail-fast backlog), so it
    /// arrives in a round trip or never; 60 s is twice the longest life of a cached verification
    /// (30 s), far beyond any round trip, and costs one small key per permit changed in the last minute.
    /// </summary>
    static readonly TimeSpan ChangeMarkerLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The cached value, or null on a miss (absent, expired, or store unavailable).</summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cached value decoded by <paramref name="decode"/>, or null on a miss (as <see cref="GetAsync"/>).
    /// A store that holds values in this process may keep the decoded form beside the value and
    /// hand that same instance to every hit while the value lives, so that a hot value is decoded
    /// once, not at every hit: <paramref name="decode"/> must depend on the bytes alone (one
    /// decoder per <typeparamref name="T"/>), and callers must not change what it returns. By
    /// default, <see cref="GetAsync"/> then <paramref name="decode"/>; a decorator forwards this
    /// too, else the store behind it decodes at every hit.
    /// </summary>
    /// <typeparam name="T">The decoded form.</typeparam>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="decode">Decodes a value; what it throws, this throws (the value is not kept decoded).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    async Task<T?> GetDecodedAsync<T>(string permitKey, Func<byte[], T> decode, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        var value = await GetAsync(permitKey, cancellationToken).ConfigureAwait(false);
        return value is null ? null : decode(value);
    }

    /// <summary>
    /// Caches <paramref name="value"/>, an answer read at block <paramref name="asOfBlock"/>, for
    /// <paramref name="timeToLive"/>, unless the permit is known to have changed at a later block
    /// (then the value is stale and is dropped). Silently does nothing when the store is unavailable.
    /// </summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="value">At most <see cref="MaxValueBytes"/> bytes.</param>
    /// <param name="asOfBlock">The block the answer was read at; at most <see cref="MaxBlock"/>.</param>
    /// <param name="timeToLive">Positive.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached value (the permit changed) and raises its change marker to <paramref name="changedAtBlock"/>.</summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="changedAtBlock">The block of the change (see <see cref="PermitChange.Block"/>); at most <see cref="MaxBlock"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task InvalidateAsync(string permitKey, ulong changedAtBlock, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the cached values of permits that changed and raises their change markers, in as few
    /// round trips as the store allows; by default one <see cref="InvalidateAsync"/> each.
    /// </summary>
    /// <param name="changes">The permits and the blocks of their changes; a key may appear more than once.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    async Task InvalidateManyAsync(IReadOnlyCollection<PermitChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
            await InvalidateAsync(change.PermitKey, change.Block, cancellationToken).ConfigureAwait(false);
    }
}
