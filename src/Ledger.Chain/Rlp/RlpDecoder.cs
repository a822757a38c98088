namespace Ledger.Chain.Rlp;

/// <summary>
/// Reads RLP into an <see cref="RlpItem"/> tree, accepting only the canonical encoding: a
/// single byte below 0x80 must stand for itself, lengths up to 55 must use the short form,
/// long-form lengths have no leading zeros, every item fits its enclosing list exactly and
/// nothing follows the top-level item. Any other input has a second encoding of the same
/// value, which would let two different byte strings (and hashes) mean one transaction.
/// </summary>
public static class RlpDecoder
{
    /// <summary>Deepest list nesting accepted (Ethereum structures need a handful).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Decodes exactly one item filling the whole input. The input is copied once; decoded
    /// byte strings are slices of that copy.
    /// </summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
            throw new RlpFormatException("the input is empty.", 0);
        var buffer = encoded.ToArray();
        var offset = 0;
        var item = ReadItem(buffer, ref offset, buffer.Length, depth: 0);
        if (offset != buffer.Length)
            throw new RlpFormatException($"{buffer.Length - offset} trailing byte(s) after the item.", offset);
        return item;
    }

    private static RlpItem ReadItem(byte[] buffer, ref int offset, int end, int depth)
    {
        var start = offset;
        var prefix = buffer[offset];
        if (prefix < RlpPrefix.ShortString)
        {
            offset++;
            return RlpItem.FromBytes(buffer.AsMemory(start, 1));
        }

        var isList = prefix >= RlpPrefix.ShortList;
        var payloadLength = ReadPayloadLength(buffer, ref offset, end, isList);
        if (!isList)
        {
            if (payloadLength == 1 && buffer[offset] < RlpPrefix.ShortString)
                throw new RlpFormatException("a single byte below 0x80 must be encoded as itself.", start);
            var bytes = RlpItem.FromBytes(buffer.AsMemory(offset, payloadLength));
            offset += payloadLength;
            return bytes;
        }

        if (depth >= MaxDepth)
            throw new RlpFormatException($"lists are nested deeper than {MaxDepth} levels.", start);
        var listEnd = offset + payloadLength;
        var items = new List<RlpItem>();
        while (offset < listEnd)
            items.Add(ReadItem(buffer, ref offset, listEnd, depth + 1));
        return RlpItem.ListOwning([.. items]);
    }

    /// <summary>Reads a string or list header and checks the payload fits before <paramref name="end"/>.</summary>
    private static int ReadPayloadLength(byte[] buffer, ref int offset, int end, bool isList)
    {
        var start = offset;
        var prefix = buffer[offset++];
        var shortBase = isList ? RlpPrefix.ShortList : RlpPrefix.ShortString;
        var longBase = isList ? RlpPrefix.LongList : RlpPrefix.LongString;
        var what = isList ? "list" : "string";

        ulong length;
        if (prefix <= longBase)
        {
            length = (ulong)(prefix - shortBase);
        }
        else
        {
            var lengthOfLength = prefix - longBase;
            if (lengthOfLength > end - offset)
                throw new RlpFormatException($"the {what} length runs past the end of its container.", start);
            if (buffer[offset] == 0)
                throw new RlpFormatException($"the {what} length has leading zero bytes.", start);
            length = 0;
            for (var i = 0; i < lengthOfLength; i++)
                length = (length << 8) | buffer[offset++];
            if (length <= RlpPrefix.MaxShortPayload)
                throw new RlpFormatException($"a {what} of {length} bytes must use the short form.", start);
        }

        if (length > (ulong)(end - offset))
            throw new RlpFormatException(
                $"the {what} declares {length} bytes but only {end - offset} remain in its container.", start);
        return (int)length;
    }
}
