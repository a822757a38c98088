using System.Xml.Linq;
using Ledger.Core.Countries;
using Ledger.Core.Permits;

namespace Ledger.Core.Documents;

/// <summary>Typed reads shared by the document parsers; each records its problem and returns null on failure.</summary>
internal static class DocumentValues
{
    public static PermitId? ReadPermitId(XElement parent, string path, DocumentFields fields)
    {
        var text = fields.RequiredText(parent, path);
        if (text is null)
            return null;
        if (PermitId.TryParse(text, out var id, out var error))
            return id;
        fields.Problem(parent, path, error);
        return null;
    }

    /// <summary>
    /// A moment; with <paramref name="endOfDay"/> a bare date means "valid through that day",
    /// so the exclusive end the ledger stores is the next midnight UTC.
    /// </summary>
    public static DateTimeOffset? ReadMoment(XElement parent, string path, DocumentFields fields, bool endOfDay)
    {
        var element = fields.Required(parent, path);
        if (element is null)
            return null;
        if (!UnCefactDateTime.TryRead(element, out var moment, out var error))
        {
            fields.Problem(parent, path, error!);
            return null;
        }
        return endOfDay && moment.IsDateOnly ? moment.Value.AddDays(1) : moment.Value;
    }

    public static CountryCode? ReadCountry(XElement parent, string path, DocumentFields fields, bool required)
    {
        var text = required ? fields.RequiredText(parent, path) : DocumentFields.Text(parent, path);
        if (text is null)
            return null;
        if (CountryCode.TryParse(text, out var country, out var error))
            return country;
        fields.Problem(parent, path, error);
        return null;
    }

    /// <summary>
    /// The amount of a line item from the first of <paramref name="candidates"/> present; a
    /// candidate's default unit applies when its element has no unitCode (a package count).
    /// </summary>
    public static (UInt128 Amount, string Unit)? ReadLineAmount(XElement item, IReadOnlyList<(string Path, string? DefaultUnit)> candidates, DocumentFields fields)
    {
        foreach (var (path, defaultUnit) in candidates)
        {
            if (DocumentFields.Find(item, path) is not { } element)
                continue;
            if (DocumentAmounts.TryRead(element, defaultUnit, out var amount, out var unit, out var error))
                return (amount, unit);
            fields.Problem(element, error!);
            return null;
        }
        fields.Problem(item, candidates.Count == 1
            ? $"{candidates[0].Path} is missing: every line needs its authorised quantity"
            : $"has no quantity: give one of {string.Join(", ", candidates.Select(candidate => candidate.Path))}");
        return null;
    }
}
