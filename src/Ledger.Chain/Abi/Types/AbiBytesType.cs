namespace Ledger.Chain.Abi;

/// <summary><c>bytes</c>: a length word, then the content padded to whole words. Values are <c>byte[]</c>.</summary>
public sealed class AbiBytesType : AbiType
{
    private AbiBytesType()
    {
    }

    /// <summary>The only instance.</summary>
    public static AbiBytesType Instance { get; } = new();

    /// <inheritdoc />
    public override string CanonicalName => "bytes";

    /// <inheritdoc />
    public override bool IsDynamic => true;

    /// <inheritdoc />
    public override int HeadSize => AbiWord.Size;

    /// <inheritdoc />
    public override int Depth => 0;

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var bytes = AbiValueConversions.ToBytes(value, this).Span;
        var contentPosition = ReserveContent(writer, bytes.Length, this);
        bytes.CopyTo(writer.Span(contentPosition, bytes.Length));
    }

    internal override object? Decode(ref AbiReader reader, int position) => ReadContent(ref reader, position).ToArray();

    /// <summary>
    /// Reserves the length word and the padded content (shared with <c>string</c>), writes the
    /// length and returns where the content goes.
    /// </summary>
    internal static int ReserveContent(AbiBufferWriter writer, int length, AbiType type)
    {
        var position = writer.Reserve(AbiWord.Size + AbiWord.Padded(length), type);
        AbiWord.WriteSize(writer.Span(position, AbiWord.Size), length);
        return position + AbiWord.Size;
    }

    /// <summary>Reads the length word at <paramref name="position"/> and the content after it (shared with <c>string</c>).</summary>
    internal static ReadOnlySpan<byte> ReadContent(ref AbiReader reader, int position)
    {
        var length = reader.ReadSize(position, "byte length");
        // Padding after the content is not required to be present or zero: Solidity's own
        // decoder does not check it either, and strict encoders always write it.
        return reader.Bytes(position + AbiWord.Size, length);
    }
}
