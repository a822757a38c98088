namespace Ledger.Chain.Rlp;

/// <summary>The RLP header bytes and their ranges, shared by the encoder and the decoder.</summary>
internal static class RlpPrefix
{
    /// <summary>Strings of 0–55 bytes: 0x80 + length.</summary>
    internal const byte ShortString = 0x80;

    /// <summary>Longer strings: 0xb7 + length of the length, then the length.</summary>
    internal const byte LongString = 0xb7;

    /// <summary>Lists with 0–55 payload bytes: 0xc0 + length.</summary>
    internal const byte ShortList = 0xc0;

    /// <summary>Longer lists: 0xf7 + length of the length, then the length.</summary>
    internal const byte LongList = 0xf7;

    /// <summary>Payloads up to this many bytes use the one-byte short form.</summary>
    internal const int MaxShortPayload = 55;

    /// <summary>Header size for a payload (single bytes below 0x80 are handled by the caller).</summary>
    internal static int HeaderLength(int payloadLength) =>
        payloadLength <= MaxShortPayload ? 1 : 1 + LengthOfLength(payloadLength);

    /// <summary>Bytes needed for the big-endian length.</summary>
    internal static int LengthOfLength(int length) => length switch
    {
        < 0x100 => 1,
        < 0x10000 => 2,
        < 0x1000000 => 3,
        _ => 4,
    };
}
