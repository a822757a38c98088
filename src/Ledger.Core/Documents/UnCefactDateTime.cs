using System.Globalization;
using System.Xml.Linq;

namespace Ledger.Core.Documents;

/// <summary>
/// Reads a UN/CEFACT date-time element: either a <c>DateTimeString</c> child with a format
/// code (102 = CCYYMMDD, 203 = CCYYMMDDHHMM, 204 = CCYYMMDDHHMMSS; taken as UTC, since the
/// codes carry no zone) or ISO 8601 text (a date, or a date-time with Z or an offset).
/// </summary>
internal static class UnCefactDateTime
{
    private static readonly Dictionary<string, string> FormatCodes = new(StringComparer.Ordinal)
    {
        ["102"] = "yyyyMMdd",
        ["203"] = "yyyyMMddHHmm",
        ["204"] = "yyyyMMddHHmmss",
    };

    /// <summary>A parsed moment, and whether it was a bare date (whole day) rather than a time.</summary>
    public readonly record struct Moment(DateTimeOffset Value, bool IsDateOnly);

    public static bool TryRead(XElement element, out Moment moment, out string? error)
    {
        moment = default;
        var coded = element.Elements().FirstOrDefault(child => child.Name.LocalName == "DateTimeString");
        if (coded is not null)
            return TryReadCoded(coded, out moment, out error);
        var text = element.Value.Trim();
        error = null;
        if (DateTime.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            moment = new Moment(new DateTimeOffset(date, TimeSpan.Zero), IsDateOnly: true);
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp) && HasZone(text))
        {
            moment = new Moment(stamp.ToUniversalTime(), IsDateOnly: false);
            return true;
        }
        error = $"'{Shorten(text)}' is not a date (2026-03-14) or a date-time with its zone (2026-03-14T09:00:00Z, 2026-03-14T10:00:00+01:00)";
        return false;
    }

    private static bool TryReadCoded(XElement coded, out Moment moment, out string? error)
    {
        moment = default;
        var code = coded.Attribute("format")?.Value.Trim() ?? "102";
        var text = coded.Value.Trim();
        if (!FormatCodes.TryGetValue(code, out var pattern))
        {
            error = $"date format code '{Shorten(code)}' is not one of 102, 203, 204";
            return false;
        }
        if (!DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            error = $"'{Shorten(text)}' does not match format {code} ({pattern})";
            return false;
        }
        moment = new Moment(new DateTimeOffset(value, TimeSpan.Zero), IsDateOnly: code == "102");
        error = null;
        return true;
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
