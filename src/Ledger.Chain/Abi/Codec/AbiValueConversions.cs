using System.Numerics;

namespace Ledger.Chain.Abi;

/// <summary>Accepts the .NET shapes callers naturally have for integer and byte values.</summary>
internal static class AbiValueConversions
{
    /// <summary>The value as a <see cref="BigInteger"/>, or an error naming what was given instead.</summary>
    public static BigInteger ToInteger(object? value, AbiType type) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        Int128 i128 => i128,
        UInt128 u128 => u128,
        Enum e => Convert.GetTypeCode(e) is TypeCode.UInt64 or TypeCode.UInt32 or TypeCode.UInt16 or TypeCode.Byte
            ? new BigInteger(Convert.ToUInt64(e, System.Globalization.CultureInfo.InvariantCulture))
            : new BigInteger(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new AbiEncodingException(type,
            $"expected an integer (BigInteger, long, int, ... or an enum), got {AbiValueText.DescribeKind(value)}"),
    };

    /// <summary>The value as bytes, or an error naming what was given instead.</summary>
    public static ReadOnlyMemory<byte> ToBytes(object? value, AbiType type) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        ArraySegment<byte> segment => segment,
        _ => throw new AbiEncodingException(type,
            $"expected bytes (byte[] or ReadOnlyMemory<byte>), got {AbiValueText.DescribeKind(value)}"),
    };
}
