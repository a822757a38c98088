using System.Buffers.Binary;
using System.Numerics;

namespace Ledger.Chain.Abi;

/// <summary>Reading and writing the 32-byte words everything in the ABI is made of.</summary>
internal static class AbiWord
{
    /// <summary>Size of a word in bytes.</summary>
    public const int Size = 32;

    /// <summary>Length rounded up to a whole number of words.</summary>
    public static long Padded(long length) => (length + Size - 1) / Size * Size;

    /// <summary>Writes a two's complement big-endian integer, sign-extended to the whole word.</summary>
    public static void WriteInteger(Span<byte> word, BigInteger value)
    {
        var unsigned = value.Sign >= 0;
        word.Fill(unsigned ? (byte)0 : (byte)0xff);
        var count = value.GetByteCount(isUnsigned: unsigned);
        value.TryWriteBytes(word[(Size - count)..], out _, isUnsigned: unsigned, isBigEndian: true);
    }

    /// <summary>Writes a non-negative size (offset or length) as a uint256.</summary>
    public static void WriteSize(Span<byte> word, long value)
    {
        word[..24].Clear();
        BinaryPrimitives.WriteInt64BigEndian(word[24..], value);
    }

    /// <summary>Short hex form of a word for error messages: leading zero bytes dropped.</summary>
    public static string Describe(ReadOnlySpan<byte> word)
    {
        var firstNonZero = word.IndexOfAnyExcept((byte)0);
        return firstNonZero < 0 ? "0x0" : "0x" + Convert.ToHexStringLower(word[firstNonZero..]);
    }
}
