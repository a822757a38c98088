using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Errors;

namespace Ledger.Console.Pages.Issuer;

/// <summary>
/// The registration form's fields: filled from the uploaded document by
/// <see cref="PermitDocumentReader"/>, corrected by the officer, sent with the document's
/// bytes. Times are UTC text ("2026-03-10T00:00:00Z"); the gateway's validation names every
/// field that is wrong. Empty fields bind as empty text, not null.
/// </summary>
public sealed class PermitDraftForm
{
    /// <summary>The format the time fields are shown in.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The permit number.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string PermitId { get; set; } = "";

    /// <summary>The permit type.</summary>
    public PermitType Type { get; set; }

    /// <summary>Start of validity, UTC.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ValidFrom { get; set; } = "";

    /// <summary>End of validity (exclusive), UTC.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string ValidUntil { get; set; } = "";

    /// <summary>Country of destination (ISO alpha-2), or empty.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Destination { get; set; } = "";

    /// <summary>Authorised amount per line, in document order.</summary>
    public List<string> Lines { get; set; } = [];

    /// <summary>What each line is (species, unit), from the document; shown, not anchored.</summary>
    public List<string> LineLabels { get; set; } = [];

    /// <summary>Number of shipments allowed (1 for a CITES permit; 0 = unlimited).</summary>
    public uint MaxShipments { get; set; } = 1;

    /// <summary>For a re-export certificate: the permit it derives from.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string PreviousPermitId { get; set; } = "";

    /// <summary>The document's bytes, base64, carried between the two steps.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string DocumentBase64 { get; set; } = "";

    /// <summary>The uploaded file's name, for the officer's reference.</summary>
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string FileName { get; set; } = "";

    /// <summary>The form filled from what <paramref name="document"/> says.</summary>
    public static PermitDraftForm From(PermitDocumentSummary summary, ReadOnlyMemory<byte> document, string fileName)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new PermitDraftForm
        {
            PermitId = summary.PermitId.Normalised,
            Type = ChainEnumMapping.PermitTypeFromChain((byte)summary.Type),
            ValidFrom = Format(summary.ValidFrom),
            ValidUntil = summary.ValidUntil is { } until ? Format(until) : "",
            Destination = summary.Destination?.Value ?? "",
            Lines = [.. summary.Lines.Select(line => line.Amount.ToString(CultureInfo.InvariantCulture))],
            LineLabels = [.. summary.Lines.Select(Label)],
            MaxShipments = 1,
            DocumentBase64 = Convert.ToBase64String(document.Span),
            FileName = fileName,
        };
    }

    /// <summary>The draft to send; every field that does not even parse is reported at once.</summary>
    /// <exception cref="LedgerException">InvalidArgument naming the fields.</exception>
    public PermitDraft ToDraft()
    {
        var problems = new List<ValidationProblem>();
        var draft = new PermitDraft
        {
            PermitId = PermitId.Trim(),
            Type = Type,
            DestinationCountry = Destination.Trim().ToUpperInvariant(),
            MaxShipments = MaxShipments,
            PreviousPermitId = PreviousPermitId.Trim(),
            ValidFrom = Parse(ValidFrom, "valid from", problems),
            ValidUntil = Parse(ValidUntil, "valid until", problems),
        };
        try
        {
            draft.Document = ByteString.FromBase64(DocumentBase64);
        }
        catch (FormatException)
        {
            problems.Add(new ValidationProblem("document", "was damaged between the two steps; upload the file again"));
        }
        draft.Lines.AddRange(Lines.Select(amount => new QuantityLine { Amount = amount?.Trim() ?? "" }));
        if (problems.Count > 0)
            throw new LedgerException(LedgerError.InvalidArgument(problems));
        return draft;
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static Timestamp? Parse(string text, string field, List<ValidationProblem> problems)
    {
        if (DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return Timestamp.FromDateTimeOffset(at);
        problems.Add(new ValidationProblem(field, $"'{text}' is not a UTC time; write it as 2026-03-10T00:00:00Z"));
        return null;
    }

    private static string Label(DocumentQuantityLine line) =>
        string.Join(" · ", new[] { line.ScientificName, line.Description, line.Unit }.Where(part => !string.IsNullOrWhiteSpace(part)));
}
