namespace Ledger.Chain.Abi;

/// <summary><c>bool</c>: encoded as the word 0 or 1. Values are <see cref="bool"/>.</summary>
public sealed class AbiBoolType : AbiType
{
    private AbiBoolType()
    {
    }

    /// <summary>The only instance.</summary>
    public static AbiBoolType Instance { get; } = new();

    /// <inheritdoc />
    public override string CanonicalName => "bool";

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
        if (value is not bool flag)
            throw new AbiEncodingException(this, $"expected a bool, got {AbiValueText.DescribeKind(value)}");
        var word = writer.Span(position, AbiWord.Size);
        word.Clear();
        word[^1] = flag ? (byte)1 : (byte)0;
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        var word = reader.Word(position);
        if (word[..^1].ContainsAnyExcept((byte)0) || word[^1] > 1)
            throw new AbiDecodingException($"bool word {AbiWord.Describe(word)} is neither 0 nor 1", position);
        return word[^1] == 1;
    }
}
