using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Core.Countries;

namespace Ledger.Gateway.Chain;

/// <summary>Conversions between the contract bindings' values and Core's domain types.</summary>
internal static class ChainValues
{
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
