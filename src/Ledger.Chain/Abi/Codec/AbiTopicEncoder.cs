using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// Topics of indexed event parameters. One-word values (integers, address, bool, bytesN) are
/// stored as their normal encoding. Everything else is stored as the Keccak-256 of a special
/// in-place encoding: strings and bytes as their raw content, arrays and structs as the
/// concatenation of their elements' in-place encodings, where nested strings and bytes are
/// padded to whole words and no lengths or offsets appear.
/// </summary>
internal static class AbiTopicEncoder
{
    /// <summary>The 32-byte topic for <paramref name="value"/> as an indexed parameter of <paramref name="type"/>.</summary>
    public static byte[] Encode(AbiType type, object? value)
    {
        switch (type)
        {
            case AbiStringType text:
                return Keccak256.Hash(text.ToUtf8(value));
            case AbiBytesType:
                return Keccak256.Hash(AbiValueConversions.ToBytes(value, type).Span);
        }
        using var writer = new AbiBufferWriter(type.IsDynamic ? 256 : type.HeadSize);
        if (type.IsWordValue)
        {
            type.EncodeStandalone(value, writer);
            return writer.ToArray();
        }
        WriteInPlace(type, value, writer);
        return Keccak256.Hash(writer.Span(0, writer.Length));
    }

    private static void WriteInPlace(AbiType type, object? value, AbiBufferWriter writer)
    {
        switch (type)
        {
            case AbiStringType text:
                WritePadded(writer, text.ToUtf8(value), type);
                break;
            case AbiBytesType:
                WritePadded(writer, AbiValueConversions.ToBytes(value, type).Span, type);
                break;
            case AbiArrayType array:
                var elements = AbiValueList.From(value, type);
                if (array.Length is { } length && elements.Count != length)
                    throw new AbiEncodingException(type, $"expected exactly {length} elements, got {elements.Count}");
                for (var i = 0; i < elements.Count; i++)
                    WriteElement(array.Element, elements[i], writer, AbiPath.Element(i));
                break;
            case AbiTupleType tuple:
                var components = AbiValueList.From(value, type);
                if (components.Count != tuple.Components.Count)
                    throw new AbiEncodingException(type, $"expected {tuple.Components.Count} values, got {components.Count}");
                for (var i = 0; i < components.Count; i++)
                    WriteElement(tuple.ComponentTypes[i], components[i], writer, AbiPath.Component(tuple.Components[i].Name, i));
                break;
            default:
                type.EncodeStandalone(value, writer);
                break;
        }
    }

    private static void WriteElement(AbiType type, object? value, AbiBufferWriter writer, string segment)
    {
        try
        {
            WriteInPlace(type, value, writer);
        }
        catch (AbiEncodingException e)
        {
            e.PrependPath(segment);
            throw;
        }
    }

    private static void WritePadded(AbiBufferWriter writer, ReadOnlySpan<byte> content, AbiType type)
    {
        var position = writer.Reserve(AbiWord.Padded(content.Length), type);
        content.CopyTo(writer.Span(position, content.Length));
    }
}
