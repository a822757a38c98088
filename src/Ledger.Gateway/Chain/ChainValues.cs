using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Contracts;
using Ledger.Core.Countries;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>Conversions between the contract bindings' values and Core's domain types.</summary>
internal static class ChainValues
{
    /// <summary>A bytes32 value as Core's <see cref="Bytes32"/>.</summary>
    public static Bytes32 ToBytes32(object? value) => new((byte[])value!);

    /// <summary>A bytes2 country as Core's <see cref="CountryCode"/>, or null for bytes2(0).</summary>
    public static CountryCode? ToCountry(object? value)
    {
        var bytes = (byte[])value!;
        if (bytes[0] == 0 && bytes[1] == 0)
            return null;
        return CountryCode.TryFromBytes2(bytes, out var code, out var error)
            ? code
            : throw new InvalidOperationException($"The chain holds an invalid country code: {error}");
    }

    /// <summary>A bindings' hash as Core's <see cref="Bytes32"/>.</summary>
    public static Bytes32 ToBytes32(Hash32 value) => new(value.Bytes);

    /// <summary>Core's <see cref="Bytes32"/> as the bindings' hash.</summary>
    public static Hash32 ToHash32(Bytes32 value) => new(value.ToArray());

    /// <summary>A bytes2 country as Core's <see cref="CountryCode"/>, or null for none.</summary>
    public static CountryCode? ToCountry(CountryBytes value)
    {
        if (value.IsNone)
            return null;
        return CountryCode.TryFromUInt16(value.Value, out var code, out var error)
            ? code
            : throw new InvalidOperationException($"The chain holds an invalid country code: {error}");
    }

    /// <summary>None or the country's two letters.</summary>
    public static CountryBytes ToCountryBytes(CountryCode? country) => country is null ? CountryBytes.None : CountryBytes.FromBytes(country.ToBytes2());

    /// <summary>bytes2(0) or the country's two letters.</summary>
    public static byte[] FromCountry(CountryCode? country) => country?.ToBytes2() ?? new byte[2];

    /// <summary>An unsigned integer that fits <see cref="ulong"/> (uint8..uint64 values).</summary>
    public static ulong ToUInt64(object? value) => (ulong)(BigInteger)value!;

    /// <summary>A uint96 value as Core's quantity type.</summary>
    public static UInt128 ToQuantity(object? value) => (UInt128)(BigInteger)value!;

    /// <summary>A uint96[] value as quantities.</summary>
    public static IReadOnlyList<UInt128> ToQuantities(object? value) =>
        ((IReadOnlyList<object?>)value!).Select(ToQuantity).ToList();

    /// <summary>Quantities as the codec encodes a uint96[].</summary>
    public static BigInteger[] FromQuantities(IEnumerable<UInt128> quantities) =>
        quantities.Select(q => (BigInteger)q).ToArray();

    /// <summary>The nested tuple at <paramref name="index"/> of a decoded output.</summary>
    public static AbiTuple Tuple(AbiTuple output, int index = 0) => (AbiTuple)output[index]!;
}
