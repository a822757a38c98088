using System.Buffers;

namespace Ledger.Chain.Abi;

/// <summary>
/// A growable byte buffer rented from the shared pool. Encoding reserves zeroed space at the end
/// (heads first, then tails) and patches offsets into earlier positions, so one pass with
/// amortised doubling produces the whole encoding without quadratic concatenation.
/// </summary>
internal sealed class AbiBufferWriter : IDisposable
{
    private byte[] _buffer;

    public AbiBufferWriter(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
    }

    /// <summary>Bytes written (reserved) so far.</summary>
    public int Length { get; private set; }

    /// <summary>Appends <paramref name="count"/> zero bytes and returns where they start.</summary>
    public int Reserve(long count, AbiType type)
    {
        var end = Length + count;
        if (end > Array.MaxLength)
            throw new AbiEncodingException(type, $"the encoding would exceed {Array.MaxLength} bytes");
        if (end > _buffer.Length)
            Grow((int)end);
        var position = Length;
        _buffer.AsSpan(position, (int)count).Clear();
        Length = (int)end;
        return position;
    }

    /// <summary>A writable view of already reserved bytes.</summary>
    public Span<byte> Span(int position, int count) => _buffer.AsSpan(0, Length).Slice(position, count);

    /// <summary>The encoding as a new array of exactly <see cref="Length"/> bytes.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Grow(int needed)
    {
        var size = (int)Math.Max(needed, Math.Min(Array.MaxLength, _buffer.Length * 2L));
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
