using System.Collections;
using System.Globalization;
using System.Numerics;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Binding;

/// <summary>
/// Converts between Nethereum's ABI value shapes (BigInteger or a narrower integer, byte[],
/// "0x" address strings, bool, lists) and the bindings' types. Nethereum's decoder has already
/// checked every value against its Solidity type, so conversions only narrow to .NET types.
/// </summary>
internal static class AbiValues
{
    public static Bytes32 ToBytes32(object? value) => new((byte[])value!);

    public static Address ToAddress(object? value) => value switch
    {
        string text => Address.Parse(text.ToLowerInvariant()),
        byte[] bytes => new Address(bytes),
        _ => throw new FormatException($"Not an address: {value}."),
    };

    public static CountryBytes ToCountry(object? value) => CountryBytes.FromBytes((byte[])value!);

    public static bool ToBool(object? value) => (bool)value!;

    public static byte ToByte(object? value) => (byte)ToBigInteger(value);

    public static ushort ToUInt16(object? value) => (ushort)ToBigInteger(value);

    public static uint ToUInt32(object? value) => (uint)ToBigInteger(value);

    /// <summary>A uint40 (time) or a uint256 that counts or numbers things (ids, lengths, line indices).</summary>
    /// <exception cref="OverflowException">A uint256 above 2^64 - 1, which these contracts never produce.</exception>
    public static ulong ToUInt64(object? value)
    {
        var number = ToBigInteger(value);
        return number <= ulong.MaxValue && number.Sign >= 0
            ? (ulong)number
            : throw new OverflowException($"The value {number.ToString(CultureInfo.InvariantCulture)} does not fit in 64 bits.");
    }

    /// <summary>A uint96 quantity.</summary>
    public static UInt128 ToQuantity(object? value) => (UInt128)ToBigInteger(value);

    /// <summary>A uint96[] of quantities.</summary>
    public static IReadOnlyList<UInt128> ToQuantities(object? value) => Items(value).Select(ToQuantity).ToArray();

    /// <summary>An address[].</summary>
    public static IReadOnlyList<Address> ToAddresses(object? value) => Items(value).Select(ToAddress).ToArray();

    /// <summary>A uint256[] of ids.</summary>
    public static IReadOnlyList<ulong> ToUInt64s(object? value) => Items(value).Select(ToUInt64).ToArray();

    /// <summary>A uint8 that Solidity declares as enum <typeparamref name="TEnum"/>.</summary>
    /// <exception cref="FormatException">A number the C# enum does not define: the contract and these bindings disagree.</exception>
    public static TEnum ToEnum<TEnum>(object? value)
        where TEnum : struct, Enum
    {
        var number = (byte)ToBigInteger(value);
        var result = (TEnum)Enum.ToObject(typeof(TEnum), number);
        return Enum.IsDefined(result)
            ? result
            : throw new FormatException($"{number} is not a {typeof(TEnum).Name} value known to these bindings; they are older than the contract.");
    }

    public static byte[] Encode(Bytes32 value) => value.ToArray();

    public static byte[] Encode(CountryBytes value) => value.ToBytes();

    public static string Encode(Address value) => value.ToLowerHex();

    public static List<BigInteger> Encode(IReadOnlyList<UInt128> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        return quantities.Select(q => (BigInteger)q).ToList();
    }

    private static BigInteger ToBigInteger(object? value) => value switch
    {
        BigInteger big => big,
        byte b => b,
        ushort u16 => u16,
        uint u32 => u32,
        ulong u64 => u64,
        int i32 => i32,
        long i64 => i64,
        _ => throw new FormatException($"Not an integer: {value}."),
    };

    private static IEnumerable<object?> Items(object? value) =>
        value is IEnumerable items and not string and not byte[] ? items.Cast<object?>() : throw new FormatException($"Not a list: {value}.");
}
