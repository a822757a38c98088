using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Observability;

/// <summary>Counts the hits and misses of the verification cache it wraps, for the hit ratio metric.</summary>
internal sealed class CountingVerificationCache(IVerificationCache inner, GatewayMetrics metrics) : IVerificationCache
{
    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string permitKey, CancellationToken cancellationToken = default)
    {
        var value = await inner.GetAsync(permitKey, cancellationToken).ConfigureAwait(false);
        metrics.RecordCacheLookup(value is not null);
        return value;
    }

    /// <inheritdoc />
    /// <remarks>Forwarded, not left to the default: a cache behind that holds values in this process (near, in-memory) keeps the decoded form.</remarks>
    public async Task<T?> GetDecodedAsync<T>(string permitKey, Func<byte[], T> decode, CancellationToken cancellationToken = default)
        where T : class
    {
        var value = await inner.GetDecodedAsync(permitKey, decode, cancellationToken).ConfigureAwait(false);
        metrics.RecordCacheLookup(value is not null);
        return value;
    }

    /// <inheritdoc />
    public Task SetAsync(string permitKey, ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        inner.SetAsync(permitKey, value, asOfBlock, timeToLive, cancellationToken);

    /// <inheritdoc />
    public Task InvalidateAsync(string permitKey, ulong changedAtBlock, CancellationToken cancellationToken = default) =>
        inner.InvalidateAsync(permitKey, changedAtBlock, cancellationToken);

    /// <inheritdoc />
    public Task InvalidateManyAsync(IReadOnlyCollection<PermitChange> changes, CancellationToken cancellationToken = default) =>
        inner.InvalidateManyAsync(changes, cancellationToken);
}
