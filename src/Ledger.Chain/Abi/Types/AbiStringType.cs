using System.Text;

namespace Ledger.Chain.Abi;

/// <summary><c>string</c>: UTF-8, encoded like <c>bytes</c>. Values are <see cref="string"/>.</summary>
public sealed class AbiStringType : AbiType
{
    // Encoding rejects text that is not valid UTF-16 (lone surrogates) instead of silently
    // replacing it; decoding replaces invalid UTF-8 with U+FFFD so a contract's message is still readable.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private AbiStringType()
    {
    }

    /// <summary>The only instance.</summary>
    public static AbiStringType Instance { get; } = new();

    /// <inheritdoc />
    public override string CanonicalName => "string";

    /// <inheritdoc />
    public override bool IsDynamic => true;

    /// <inheritdoc />
    public override int HeadSize => AbiWord.Size;

    /// <inheritdoc />
    public override int Depth => 0;

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var text = AsString(value);
        var length = Utf8Length(text);
        var contentPosition = AbiBytesType.ReserveContent(writer, length, this);
        StrictUtf8.GetBytes(text, writer.Span(contentPosition, length));
    }

    /// <summary>The UTF-8 bytes of a string value (for hashing it as an indexed event parameter).</summary>
    internal byte[] ToUtf8(object? value)
    {
        var text = AsString(value);
        var bytes = new byte[Utf8Length(text)];
        StrictUtf8.GetBytes(text, bytes);
        return bytes;
    }

    private string AsString(object? value) => value as string
        ?? throw new AbiEncodingException(this, $"expected a string, got {AbiValueText.DescribeKind(value)}");

    private int Utf8Length(string text)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            throw new AbiEncodingException(this, "the string is not valid UTF-16 (it contains a lone surrogate)");
        }
    }

    internal override object? Decode(ref AbiReader reader, int position) =>
        Encoding.UTF8.GetString(AbiBytesType.ReadContent(ref reader, position));
}
