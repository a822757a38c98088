using System.Globalization;
using System.Text;

namespace Ledger.Core.Primitives;

/// <summary>
/// Safe echoes of user input inside error messages: bounded in length (a huge input must
/// not inflate logs) and with invisible or non-ASCII characters spelled out, because an
/// officer cannot act on "invalid character" when the character cannot be seen.
/// </summary>
internal static class InputEcho
{
    private const int MaxEcho = 24;

    /// <summary>The input in quotes, cut to a few characters, invisible characters escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("'");
        foreach (var c in text.Length <= MaxEcho ? text : text[..MaxEcho])
            builder.Append(IsPlainVisible(c) ? c.ToString() : CodePoint(c));
        builder.Append(text.Length <= MaxEcho ? "'" : "…'");
        return builder.ToString();
    }

    /// <summary>One character for a message: <c>'x'</c>, or <c>'–' (U+2013)</c> when it is not plain ASCII.</summary>
    public static string Character(char c) =>
        IsPlainVisible(c) ? $"'{c}'" : IsInvisible(c) ? CodePoint(c) : $"'{c}' ({CodePoint(c)})";

    private static bool IsPlainVisible(char c) => c is >= ' ' and <= '~';

    // Characters that show as nothing, or as something else, when quoted on their own.
    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
