namespace Ledger.Gateway.Stores;

/// <summary>
/// A cached value held in this process, with its decoded form once a reader asked for one: what lets
/// a cache that holds values itself answer <see cref="IVerificationCache.GetDecodedAsync"/> for a hot
/// permit by decoding it once, not at every hit.
/// </summary>
internal abstract class DecodedOnceValue(byte[] value)
{
    private object? _decoded;

    /// <summary>The value's bytes, as stored.</summary>
    public byte[] Value => value;

    /// <summary>
    /// The value decoded, by the first caller (racing first callers each decode, the first to
    /// finish is kept). A decoder of another type than the one kept decodes at each call.
    /// </summary>
    public T Decoded<T>(Func<byte[], T> decode)
        where T : class
    {
        if (Volatile.Read(ref _decoded) is T known)
            return known;
        var decoded = decode(value);
        return Interlocked.CompareExchange(ref _decoded, decoded, null) as T ?? decoded;
    }
}
