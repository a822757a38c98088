namespace Ledger.Chain.Rlp;

/// <summary>Writes RLP (Ethereum Yellow Paper, appendix B) from an <see cref="RlpItem"/> tree.</summary>
public static class RlpEncoder
{
    /// <summary>Encodes the item into a new array of exactly its encoded length.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[item.EncodedLength];
        Write(item, output);
        return output;
    }

    /// <summary>Encodes into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Encode(RlpItem item, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (destination.Length < item.EncodedLength)
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the item needs {item.EncodedLength}.", nameof(destination));
        return Write(item, destination);
    }

    /// <summary>Encodes one byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => Encode(RlpItem.CopyOf(bytes));

    private static int Write(RlpItem item, Span<byte> destination)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes.Span;
            if (bytes.Length == 1 && bytes[0] < RlpPrefix.ShortString)
            {
                destination[0] = bytes[0];
                return 1;
            }
            var header = WriteHeader(destination, bytes.Length, RlpPrefix.ShortString, RlpPrefix.LongString);
            bytes.CopyTo(destination[header..]);
            return header + bytes.Length;
        }

        var written = WriteHeader(destination, item.PayloadLength, RlpPrefix.ShortList, RlpPrefix.LongList);
        foreach (var child in item.Items)
            written += Write(child, destination[written..]);
        return written;
    }

    private static int WriteHeader(Span<byte> destination, int payloadLength, byte shortBase, byte longBase)
    {
        if (payloadLength <= RlpPrefix.MaxShortPayload)
        {
            destination[0] = (byte)(shortBase + payloadLength);
            return 1;
        }
        var lengthOfLength = RlpPrefix.LengthOfLength(payloadLength);
        destination[0] = (byte)(longBase + lengthOfLength);
        for (var i = lengthOfLength; i > 0; i--)
        {
            destination[i] = (byte)payloadLength;
            payloadLength >>= 8;
        }
        return 1 + lengthOfLength;
    }
}
