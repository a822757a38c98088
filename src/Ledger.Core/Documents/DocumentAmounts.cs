using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ledger.Core.Permits;

namespace Ledger.Core.Documents;

/// <summary>
/// Reads a quantity or measure element (<c>&lt;NetWeightMeasure unitCode="KGM"&gt;120&lt;/...&gt;</c>)
/// as a ledger amount. The ledger anchors whole numbers in the unit printed and never converts
/// units, so a fraction is refused rather than rounded: the issuer states such a line in a
/// smaller unit.
/// </summary>
internal static partial class DocumentAmounts
{
    public static bool TryRead(XElement element, string? defaultUnit, out UInt128 amount, out string unit, out string? error)
    {
        amount = UInt128.Zero;
        unit = element.Attribute("unitCode")?.Value.Trim() is { Length: > 0 } code ? code : defaultUnit ?? "";
        var text = element.Value.Trim();
        if (unit.Length == 0)
        {
            error = "has no unitCode; give the unit (UN/ECE Rec. 20 code such as KGM or NAR)";
            return false;
        }
        var match = DecimalPattern().Match(text);
        if (!match.Success)
        {
            error = $"'{(text.Length > 40 ? text[..40] + "..." : text)}' is not a number (digits, optionally a '.' and decimals)";
            return false;
        }
        if (match.Groups["fraction"].Value.Trim('0').Length > 0)
        {
            error = $"is {text} {unit}, not a whole number; the ledger anchors whole amounts and does not convert units: "
                + "state this line in a smaller unit (e.g. GRM instead of KGM)";
            return false;
        }
        if (!Quantities.TryParseAmount(match.Groups["whole"].Value, out amount, out var amountError))
        {
            error = $"{amountError} (the line reads {text} {unit})";
            return false;
        }
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<whole>[0-9]+)(\.(?<fraction>[0-9]+))?$")]
    private static partial Regex DecimalPattern();
}
