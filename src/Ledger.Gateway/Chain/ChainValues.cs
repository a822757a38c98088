using Ledger.Chain.Primitives;
using Ledger.Contracts;
using Ledger.Core.Countries;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>Conversions between the contract bindings' values and Core's domain types.</summary>
internal static class ChainValues
{
    /// <summary>A bindings' hash as Core's <see cref="Bytes32"/>.</summary>
    public static Bytes32 ToBytes32(Hash32 value) => new(value.Bytes);

    /// <summary>Core's <see cref="Bytes32"/> as the bindings' hash.</summary>
    public static Hash32 ToHash32(Bytes32 value) => new(value.ToArray());

    /// <summary>A bytes2 country as Core's <see cref="CountryCode"/>, or null for none.</summary>
    /// <exception cref="InvalidOperationException">The chain holds two bytes that are no country code.</exception>
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
}
