namespace Ledger.Gateway.Stores;

/// <summary>
/// Short-lived cache of verification results by permit key. The chain is the truth: a
/// failing cache is a miss, never an error, so no method throws because the store is down.
/// Values are opaque bytes (the service's serialized answer).
/// </summary>
public interface IVerificationCache
{
    /// <summary>Largest value accepted, in bytes.</summary>
    const int MaxValueBytes = 64 * 1024;

    /// <summary>The cached value, or null on a miss (absent, expired, or store unavailable).</summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default);

    /// <summary>Caches <paramref name="value"/> for <paramref name="timeToLive"/>; silently does nothing when the store is unavailable.</summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="value">At most <see cref="MaxValueBytes"/> bytes.</param>
    /// <param name="timeToLive">Positive.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached value (the permit changed).</summary>
    /// <param name="permitKey">"0x" + 64 hex digits.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task InvalidateAsync(string permitKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the cached values of <paramref name="permitKeys"/> (permits that changed together),
    /// in as few round trips as the store allows; by default one <see cref="InvalidateAsync"/> each.
    /// </summary>
    /// <param name="permitKeys">"0x" + 64 hex digits each.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    async Task InvalidateManyAsync(IReadOnlyCollection<string> permitKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permitKeys);
        foreach (var permitKey in permitKeys)
            await InvalidateAsync(permitKey, cancellationToken).ConfigureAwait(false);
    }
}
