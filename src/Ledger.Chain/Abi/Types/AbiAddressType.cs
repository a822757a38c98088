using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary><c>address</c>: 20 bytes, encoded like <c>uint160</c>. Values are <see cref="Address"/>.</summary>
public sealed class AbiAddressType : AbiType
{
    private AbiAddressType()
    {
    }

    /// <summary>The only instance.</summary>
    public static AbiAddressType Instance { get; } = new();

    /// <inheritdoc />
    public override string CanonicalName => "address";

    /// <inheritdoc />
    public override bool IsDynamic => false;

    /// <inheritdoc />
    public override int HeadSize => AbiWord.Size;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override bool IsWordValue => true;

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        if (value is not Address address)
            throw new AbiEncodingException(this, $"expected an Address, got {AbiValueText.DescribeKind(value)}");
        var word = writer.Span(position, AbiWord.Size);
        word[..12].Clear();
        address.Bytes.CopyTo(word[12..]);
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        var word = reader.Word(position);
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new AbiDecodingException($"address word {AbiWord.Describe(word)} has non-zero high-order bytes", position);
        return new Address(word[12..]);
    }
}
