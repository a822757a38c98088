using System.Globalization;
using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Contracts.Binding;

/// <summary>
/// Converts between the ABI codec's value shapes (BigInteger, byte[], Address, object?[]) and
/// the bindings' types. The codec has already checked every value against its Solidity type
/// (a uint96 fits 96 bits, a bytes2 is 2 bytes), so conversions only narrow to .NET types.
/// </summary>
internal static class AbiValues
{
    public static Hash32 ToHash32(object? value) => new((byte[])value!);

    public static Address ToAddress(object? value) => (Address)value!;

    public static CountryBytes ToCountry(object? value) => CountryBytes.FromBytes((byte[])value!);

    public static bool ToBool(object? value) => (bool)value!;

    public static byte ToByte(object? value) => (byte)(BigInteger)value!;

    public static ushort ToUInt16(object? value) => (ushort)(BigInteger)value!;

    public static uint ToUInt32(object? value) => (uint)(BigInteger)value!;

    /// <summary>A uint40 (time) or a uint256 that counts or numbers things (ids, lengths, line indices).</summary>
    /// <exception cref="OverflowException">A uint256 above 2^64 - 1, which these contracts never produce.</exception>
    public static ulong ToUInt64(object? value)
    {
        var number = (BigInteger)value!;
        return number <= ulong.MaxValue
            ? (ulong)number
            : throw new OverflowException($"The value {number.ToString(CultureInfo.InvariantCulture)} does not fit in 64 bits.");
    }

    /// <summary>A uint96 quantity.</summary>
    public static UInt128 ToQuantity(object? value) => (UInt128)(BigInteger)value!;

    /// <summary>A uint96[] of quantities.</summary>
    public static IReadOnlyList<UInt128> ToQuantities(object? value) =>
        Array.ConvertAll((object?[])value!, ToQuantity);

    /// <summary>An address[].</summary>
    public static IReadOnlyList<Address> ToAddresses(object? value) => Array.ConvertAll((object?[])value!, ToAddress);

    /// <summary>A uint256[] of ids.</summary>
    public static IReadOnlyList<ulong> ToUInt64s(object? value) => Array.ConvertAll((object?[])value!, ToUInt64);

    /// <summary>A uint8 that Solidity declares as enum <typeparamref name="TEnum"/>.</summary>
    /// <exception cref="FormatException">A number the C# enum does not define: the contract and these bindings disagree.</exception>
    public static TEnum ToEnum<TEnum>(object? value)
        where TEnum : struct, Enum
    {
        var number = (byte)(BigInteger)value!;
        var result = (TEnum)Enum.ToObject(typeof(TEnum), number);
        return Enum.IsDefined(result)
            ? result
            : throw new FormatException($"{number} is not a {typeof(TEnum).Name} value known to these bindings; they are older than the contract.");
    }

    public static byte[] Encode(Hash32 value) => value.Bytes.ToArray();

    public static byte[] Encode(CountryBytes value) => value.ToBytes();

    public static object?[] Encode(IReadOnlyList<UInt128> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        var values = new object?[quantities.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = quantities[i];
        return values;
    }
}
