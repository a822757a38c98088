using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;

namespace Ledger.Core.Countries;

/// <summary>
/// An officially assigned ISO 3166-1 alpha-2 country code, upper case ("CH"). On chain it
/// is a Solidity <c>bytes2</c> holding the two ASCII letters. Parsing trims and accepts
/// lower case; anything else — reserved, user-assigned or unassigned codes — is rejected.
/// Instances are shared (one per code), so comparing them costs nothing.
/// </summary>
public sealed class CountryCode : IEquatable<CountryCode>
{
    private static readonly FrozenDictionary<string, CountryCode> ByCode =
        AssignedCountryCodes.All.ToFrozenDictionary(code => code, code => new CountryCode(code), StringComparer.Ordinal);

    private CountryCode(string value) => Value = value;

    /// <summary>The two upper-case letters.</summary>
    public string Value { get; }

    /// <summary>Every assigned code, in no particular order.</summary>
    public static IReadOnlyCollection<CountryCode> All => ByCode.Values;

    /// <summary>
    /// The <c>bytes2</c> form as a big-endian number (first letter in the high byte), the
    /// left-aligned value an ABI encoder writes.
    /// </summary>
    public ushort ToUInt16() => (ushort)((Value[0] << 8) | Value[1]);

    /// <summary>The <c>bytes2</c> form: the two ASCII letters.</summary>
    public byte[] ToBytes2() => [(byte)Value[0], (byte)Value[1]];

    /// <summary>Parses a code typed by a person: trimmed, either case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CountryCode? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            error = "country code is empty; give the two-letter ISO 3166-1 code, e.g. CH";
            return false;
        }
        if (trimmed.Length != 2 || !char.IsAsciiLetter(trimmed[0]) || !char.IsAsciiLetter(trimmed[1]))
        {
            error = $"{InputEcho.Quote(trimmed)} is not a two-letter ISO 3166-1 alpha-2 code (e.g. CH, GB, US)";
            return false;
        }
        var upper = trimmed.ToUpperInvariant();
        return TryFromAssigned(upper, out code, out error);
    }

    /// <summary>Parses a code typed by a person.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when the code is not assigned.</exception>
    public static CountryCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw LedgerException.InvalidArgument("country", error);

    /// <summary>Reads the <c>bytes2</c> form as stored on chain: exactly two upper-case ASCII letters.</summary>
    public static bool TryFromBytes2(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out CountryCode? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        if (bytes.Length != 2 || !char.IsAsciiLetterUpper((char)bytes[0]) || !char.IsAsciiLetterUpper((char)bytes[1]))
        {
            error = $"bytes2 0x{Convert.ToHexStringLower(bytes)} is not two upper-case ASCII letters";
            return false;
        }
        return TryFromAssigned(new string([(char)bytes[0], (char)bytes[1]]), out code, out error);
    }

    /// <summary>Reads the big-endian number form of <c>bytes2</c> (see <see cref="ToUInt16"/>).</summary>
    public static bool TryFromUInt16(ushort value, [NotNullWhen(true)] out CountryCode? code, [NotNullWhen(false)] out string? error) =>
        TryFromBytes2([(byte)(value >> 8), (byte)value], out code, out error);

    /// <inheritdoc/>
    public bool Equals(CountryCode? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CountryCode);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>The two letters.</summary>
    public override string ToString() => Value;

    /// <summary>Value equality.</summary>
    public static bool operator ==(CountryCode? left, CountryCode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(CountryCode? left, CountryCode? right) => !(left == right);

    private static bool TryFromAssigned(string upper, [NotNullWhen(true)] out CountryCode? code, [NotNullWhen(false)] out string? error)
    {
        if (ByCode.TryGetValue(upper, out code))
        {
            error = null;
            return true;
        }
        error = AssignedCountryCodes.Hints.TryGetValue(upper, out var hint)
            ? hint
            : $"{upper} is not an assigned ISO 3166-1 country code";
        return false;
    }
}
