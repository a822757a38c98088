using System.Globalization;

namespace Ledger.Contracts;

/// <summary>
/// A Solidity <c>bytes2</c> country as the contracts store it: two ASCII letters A-Z for an
/// ISO 3166-1 alpha-2 code ("CH" = 0x4348), or zero for "no destination". Any two bytes can
/// be represented, because values read from chain or carried by errors (e.g.
/// <c>InvalidCountry</c>) need not be valid codes; <see cref="FromCode"/> accepts only valid ones.
/// </summary>
public readonly record struct CountryBytes
{
    /// <summary>Wraps the two bytes as a big-endian number (first byte high).</summary>
    public CountryBytes(ushort value) => Value = value;

    /// <summary>The two bytes as a big-endian number: "CH" is 0x4348.</summary>
    public ushort Value { get; }

    /// <summary>Zero: the contracts' "no destination".</summary>
    public static CountryBytes None { get; }

    /// <summary>True for zero.</summary>
    public bool IsNone => Value == 0;

    /// <summary>True when both bytes are upper-case ASCII letters, the only codes the contracts accept.</summary>
    public bool IsLetters => IsUpperLetter(Value >> 8) && IsUpperLetter(Value & 0xFF);

    /// <summary>The code of two upper-case letters A-Z, e.g. "CH".</summary>
    /// <exception cref="ArgumentException">The text is not exactly two letters A-Z (lower case is refused too: the caller normalises).</exception>
    public static CountryBytes FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 2 || !IsUpperLetter(code[0]) || !IsUpperLetter(code[1]))
            throw new ArgumentException("A country is two upper-case letters A-Z (ISO 3166-1 alpha-2), e.g. \"CH\".", nameof(code));
        return new CountryBytes((ushort)((code[0] << 8) | code[1]));
    }

    /// <summary>The value of exactly two bytes, as decoded from a <c>bytes2</c>.</summary>
    /// <exception cref="ArgumentException">Not two bytes.</exception>
    public static CountryBytes FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == 2
        ? new CountryBytes((ushort)((bytes[0] << 8) | bytes[1]))
        : throw new ArgumentException($"A bytes2 value is 2 bytes, got {bytes.Length}.", nameof(bytes));

    /// <summary>The two bytes, first letter first, as the ABI encoder takes a <c>bytes2</c>.</summary>
    public byte[] ToBytes() => [(byte)(Value >> 8), (byte)Value];

    /// <summary>"CH" for letters, "none" for zero, otherwise the hex bytes such as "0x6368".</summary>
    public override string ToString() => IsLetters
        ? new string([(char)(Value >> 8), (char)(Value & 0xFF)])
        : IsNone ? "none" : "0x" + Value.ToString("x4", CultureInfo.InvariantCulture);

    private static bool IsUpperLetter(int c) => c is >= 'A' and <= 'Z';
}
