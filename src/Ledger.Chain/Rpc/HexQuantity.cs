using System.Globalization;
using System.Numerics;

namespace Ledger.Chain.Rpc;

/// <summary>
/// JSON-RPC "quantities": unsigned integers written as "0x" and hex digits without leading
/// zeros ("0x0" for zero). Parsing tolerates leading zeros, which some nodes emit, but
/// insists on the prefix and on at most 256 bits, so a misread field fails loudly.
/// </summary>
public static class HexQuantity
{
    /// <summary>Most significant hex digits accepted: a quantity is at most a 256-bit word.</summary>
    public const int MaxDigits = 64;

    /// <summary>Encodes a non-negative integer as a quantity.</summary>
    public static string Encode(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "A JSON-RPC quantity cannot be negative.");
        if (value.IsZero)
            return "0x0";
        // "x" formatting of a positive BigInteger may add a leading "0" for the sign bit.
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    /// <summary>Encodes an unsigned 64-bit integer as a quantity.</summary>
    public static string Encode(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses a quantity of up to 256 bits; throws <see cref="FormatException"/> naming the problem.</summary>
    public static BigInteger ParseBigInteger(string text)
    {
        var digits = Digits(text);
        return BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a quantity that must fit 64 bits (block numbers, nonces, gas, chain ids).</summary>
    public static ulong ParseUInt64(string text)
    {
        var digits = Digits(text);
        if (digits.Length > 16)
            throw new FormatException($"Quantity {Shorten(text)} does not fit in 64 bits.");
        return digits.Length == 0 ? 0 : ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static string Digits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
            throw new FormatException($"A quantity is \"0x\" followed by hex digits, got \"{Shorten(text)}\".");
        // Leading zeros are tolerated, but not without end: the text itself is bounded too.
        if (text.Length - 2 > 2 * MaxDigits)
            throw new FormatException($"A quantity has at most {MaxDigits} hex digits, got {text.Length - 2}.");
        var digits = text[2..];
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
                throw new FormatException($"Quantity \"{Shorten(text)}\" contains a character that is not a hex digit.");
        }
        var significant = digits.TrimStart('0');
        if (significant.Length > MaxDigits)
            throw new FormatException($"A quantity has at most {MaxDigits} hex digits, got {significant.Length}.");
        return significant;
    }

    // Error messages quote the input, but never an unbounded amount of it.
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
