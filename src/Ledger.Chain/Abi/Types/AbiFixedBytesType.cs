namespace Ledger.Chain.Abi;

/// <summary><c>bytesN</c>, N from 1 to 32: N bytes, left-aligned in one word. Values are <c>byte[]</c> of exactly N bytes.</summary>
public sealed class AbiFixedBytesType : AbiType
{
    private static readonly AbiFixedBytesType[] All =
        Enumerable.Range(1, AbiWord.Size).Select(size => new AbiFixedBytesType(size)).ToArray();

    private AbiFixedBytesType(int size)
    {
        Size = size;
        CanonicalName = "bytes" + size;
    }

    /// <summary><c>bytes32</c>, the type of hashes.</summary>
    public static AbiFixedBytesType Bytes32 => All[^1];

    /// <summary>Number of bytes, N.</summary>
    public int Size { get; }

    /// <inheritdoc />
    public override string CanonicalName { get; }

    /// <inheritdoc />
    public override bool IsDynamic => false;

    /// <inheritdoc />
    public override int HeadSize => AbiWord.Size;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override bool IsWordValue => true;

    /// <summary><c>bytesN</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">N is not between 1 and 32.</exception>
    public static AbiFixedBytesType Of(int size) => size is >= 1 and <= AbiWord.Size
        ? All[size - 1]
        : throw new ArgumentOutOfRangeException(nameof(size), size, "bytesN takes N from 1 to 32.");

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var bytes = AbiValueConversions.ToBytes(value, this).Span;
        if (bytes.Length != Size)
            throw new AbiEncodingException(this, $"expected exactly {Size} bytes, got {bytes.Length}");
        var word = writer.Span(position, AbiWord.Size);
        bytes.CopyTo(word);
        word[Size..].Clear();
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        var word = reader.Word(position);
        if (word[Size..].ContainsAnyExcept((byte)0))
            throw new AbiDecodingException($"{CanonicalName} word has non-zero bytes after the first {Size}", position);
        return word[..Size].ToArray();
    }
}
