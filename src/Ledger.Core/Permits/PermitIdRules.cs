using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Ledger.Core.Countries;
using Ledger.Core.Primitives;

namespace Ledger.Core.Permits;

/// <summary>
/// Turns the permit number an officer typed into its normalised text, or says exactly what
/// is wrong with it. The rule is documented on <see cref="PermitId"/>.
/// </summary>
internal static class PermitIdRules
{
    /// <summary>The separators allowed between the parts of a permit number.</summary>
    public const string Separators = "/-._";

    /// <summary>
    /// Input longer than this is rejected before any work is done: padding aside, no real
    /// permit number comes near it, and an unbounded input must not cost unbounded time.
    /// </summary>
    public const int MaxInputLength = 256;

    private const string AllowedCharacters = "letters A-Z, digits 0-9 and the separators / - . _";

    public static bool TryNormalise(
        string? text,
        [NotNullWhen(true)] out string? normalised,
        [NotNullWhen(true)] out CountryCode? country,
        [NotNullWhen(false)] out string? error)
    {
        normalised = null;
        country = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "permit number is empty; type the number printed in box 1 of the permit, e.g. CH/2026/000123";
            return false;
        }
        if (text.Length > MaxInputLength)
        {
            error = $"permit number is too long ({text.Length} characters); at most {PermitId.MaxLength} are allowed";
            return false;
        }
        if (!TryFoldCharacters(text, out var folded, out error))
            return false;
        if (!HasValidShape(folded, out country, out error))
            return false;
        normalised = folded;
        return true;
    }

    /// <summary>
    /// Upper-cases ASCII letters, drops whitespace at the ends and next to separators, and
    /// rejects every other character outside [A-Z0-9/-._]. Positions in messages count
    /// from 1 in the text as typed.
    /// </summary>
    private static bool TryFoldCharacters(string text, [NotNullWhen(true)] out string? folded, [NotNullWhen(false)] out string? error)
    {
        folded = null;
        var builder = new StringBuilder(text.Length);
        var pendingSpaceAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && pendingSpaceAt < 0)
                    pendingSpaceAt = i;
                continue;
            }
            var upper = char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c;
            if (!char.IsAsciiLetterUpper(upper) && !char.IsAsciiDigit(upper) && !IsSeparator(upper))
            {
                error = $"permit number contains {InputEcho.Character(c)} at position {i + 1}; only {AllowedCharacters} are allowed{DashHint(c)}";
                return false;
            }
            if (pendingSpaceAt >= 0 && !IsSeparator(builder[^1]) && !IsSeparator(upper))
            {
                error = $"permit number has a space at position {pendingSpaceAt + 1} between '{builder[^1]}' and '{upper}'; "
                    + "spaces are ignored only next to a separator (/ - . _), so type the separator printed on the permit";
                return false;
            }
            pendingSpaceAt = -1;
            builder.Append(upper);
        }
        folded = builder.ToString();
        error = null;
        return true;
    }

    /// <summary>Length bounds, the leading country code and separator, and no empty parts.</summary>
    private static bool HasValidShape(string id, [NotNullWhen(true)] out CountryCode? country, [NotNullWhen(false)] out string? error)
    {
        country = null;
        if (id.Length < PermitId.MinLength || id.Length > PermitId.MaxLength)
        {
            error = $"permit number {InputEcho.Quote(id)} has {id.Length} characters; it must have {PermitId.MinLength} to {PermitId.MaxLength}";
            return false;
        }
        if (!char.IsAsciiLetterUpper(id[0]) || !char.IsAsciiLetterUpper(id[1]) || !IsSeparator(id[2]))
        {
            error = "permit number must start with the issuing country's two-letter ISO 3166-1 code and a separator (/ - . _), e.g. CH/2026/000123";
            return false;
        }
        if (!CountryCode.TryParse(id[..2], out country, out var countryError))
        {
            error = $"permit number must start with the issuing country's code: {countryError}";
            return false;
        }
        for (var i = 3; i < id.Length; i++)
        {
            if (IsSeparator(id[i]) && IsSeparator(id[i - 1]))
            {
                error = $"permit number has two separators in a row ('{id[i - 1]}{id[i]}'); check the number on the permit";
                return false;
            }
        }
        if (IsSeparator(id[^1]))
        {
            error = $"permit number ends with the separator '{id[^1]}'; the number is incomplete";
            return false;
        }
        error = null;
        return true;
    }

    private static bool IsSeparator(char c) => Separators.Contains(c, StringComparison.Ordinal);

    // Word processors turn '-' into en or em dashes; say which key to press instead.
    private static string DashHint(char c) =>
        c != '-' && char.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? "; type the ASCII hyphen '-' instead" : string.Empty;
}
