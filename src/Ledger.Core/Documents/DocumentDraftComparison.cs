using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Core.Registration;

namespace Ledger.Core.Documents;

/// <summary>
/// Compares the fields an issuer gives at registration with what its document says. A
/// registration whose fields disagree with its own document is refused: customs at the
/// destination read the document, the ledger enforces the fields, and the two must be one
/// permit. Each disagreement is one problem on the draft's field name.
/// </summary>
public static class DocumentDraftComparison
{
    /// <summary>
    /// Every disagreement between <paramref name="document"/> and <paramref name="given"/>;
    /// empty when they agree. Fields the document does not carry (an ePhyto's end of validity,
    /// the number of shipments, the previous permit) are not compared. Given values that do
    /// not even parse are left to draft validation, which names them.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Compare(PermitDocumentSummary document, PermitDraft given)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<ValidationProblem>();
        void Disagree(string field, string givenText, string documentText) =>
            problems.Add(new ValidationProblem(field, $"is {givenText} but the document says {documentText}"));

        if (PermitId.TryParse(given.PermitId, out var id, out _) && id != document.PermitId)
            Disagree("permitId", id.Normalised, document.PermitId.Normalised);
        if (given.Type != document.Type)
            Disagree("type", PermitTypeRules.Describe(given.Type), PermitTypeRules.Describe(document.Type));
        if (given.ValidFrom != document.ValidFrom)
            Disagree("validFrom", UtcText.Format(given.ValidFrom), UtcText.Format(document.ValidFrom));
        if (document.ValidUntil is { } until && given.ValidUntil != until)
            Disagree("validUntil", UtcText.Format(given.ValidUntil), UtcText.Format(until));
        CompareDestination(document.Destination, given.Destination, Disagree);
        CompareLines(document.Lines, given.Lines, problems, Disagree);
        return problems;
    }

    private static void CompareDestination(CountryCode? documented, string? givenText, Action<string, string, string> disagree)
    {
        CountryCode? given = null;
        if (!string.IsNullOrWhiteSpace(givenText))
        {
            if (!CountryCode.TryParse(givenText, out given, out _))
                return;
        }
        if (given != documented)
            disagree("destination", given?.Value ?? "not given", documented?.Value ?? "no other country");
    }

    private static void CompareLines(IReadOnlyList<DocumentQuantityLine> documented, IReadOnlyList<UInt128>? given,
        List<ValidationProblem> problems, Action<string, string, string> disagree)
    {
        var givenLines = given ?? [];
        if (givenLines.Count != documented.Count)
        {
            disagree("lines", $"{givenLines.Count} line(s)", $"{documented.Count} line(s)");
            return;
        }
        for (var i = 0; i < documented.Count; i++)
        {
            if (givenLines[i] != documented[i].Amount)
            {
                var line = documented[i];
                problems.Add(new ValidationProblem($"lines[{i}]",
                    $"line {line.Number} is {givenLines[i]} but the document says {line.Amount} {line.Unit}"
                    + (line.ScientificName is null ? "" : $" of {line.ScientificName}")));
            }
        }
    }
}
