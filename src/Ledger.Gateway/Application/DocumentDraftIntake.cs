using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using ApiDraft = Ledger.Api.V1.PermitDraft;
using CoreDraft = Ledger.Core.Registration.PermitDraft;

namespace Ledger.Gateway.Application;

/// <summary>
/// Reads a draft's document when it is a CITES ePermit or an IPPC ePhyto XML: anchored fields
/// left empty are taken from it, and the ones given must agree with it, because customs read
/// the document while the ledger enforces the fields. Any other document (JSON, PDF, XML of
/// another vocabulary, or a CITES or ePhyto XML the reader refuses) stays hash-only, and its
/// fields must all be given.
/// </summary>
internal static class DocumentDraftIntake
{
    /// <summary>
    /// The draft with its empty anchored fields filled from its document, and what the document
    /// says (null when the gateway cannot read it). Adds to <paramref name="problems"/> when
    /// the gateway cannot read the document and the draft leaves an anchored field empty.
    /// </summary>
    public static (ApiDraft Draft, PermitDocumentSummary? Summary) Fill(ApiDraft draft, string field, List<ValidationProblem> problems)
    {
        if (draft.Document.IsEmpty)
            return (draft, null);
        if (!PermitDocumentReader.TryRead(draft.Document.Memory, out var summary, out var readProblems))
        {
            // With every field given the document is anchored by its hash, as any other kind of
            // document is (clients that send a token XML keep working); without them, the
            // reader's problems say why the fields could not be taken from it.
            if (LeavesAnchoredFieldsEmpty(draft))
            {
                problems.AddRange(readProblems.Select(problem => problem with { Field = $"{field}.{problem.Field}" }));
                problems.Add(new ValidationProblem($"{field}.document",
                    "the gateway fills a permit's fields only from a readable CITES ePermit or IPPC ePhyto XML: fix the document, "
                    + "or give permit_id, type, valid_from, valid_until, destination_country and lines"));
            }
            return (draft, null);
        }
        var filled = draft.Clone();
        if (string.IsNullOrWhiteSpace(filled.PermitId))
            filled.PermitId = summary.PermitId.Normalised;
        if (filled.Type == Api.V1.PermitType.Unspecified)
            filled.Type = ChainEnumMapping.PermitTypeFromChain((byte)summary.Type);
        filled.ValidFrom ??= Timestamp.FromDateTimeOffset(summary.ValidFrom);
        if (filled.ValidUntil is null && summary.ValidUntil is { } until)
            filled.ValidUntil = Timestamp.FromDateTimeOffset(until);
        if (filled.ValidUntil is null)
            problems.Add(new ValidationProblem($"{field}.valid_until",
                "is required: the document sets no end of validity (ISPM 12 sets none for a phytosanitary certificate)"));
        if (string.IsNullOrWhiteSpace(filled.DestinationCountry) && summary.Destination is { } destination)
            filled.DestinationCountry = destination.Value;
        if (filled.Lines.Count == 0)
            filled.Lines.AddRange(summary.Lines.Select(line => new Api.V1.QuantityLine { Amount = line.Amount.ToString(CultureInfo.InvariantCulture) }));
        // proto3 cannot tell 0 from "not given"; 0 (unlimited) is refused for every single-shipment type anyway.
        if (filled.MaxShipments == 0 && PermitTypeRules.IsSingleShipment(summary.Type))
            filled.MaxShipments = 1;
        return (filled, summary);
    }

    /// <summary>Each disagreement between the document and the (filled) draft, named by its proto field under <paramref name="field"/>.</summary>
    public static IEnumerable<ValidationProblem> Disagreements(PermitDocumentSummary summary, CoreDraft draft, string field) =>
        DocumentDraftComparison.Compare(summary, draft).Select(problem => problem with { Field = $"{field}.{PermitDraftChecks.ProtoFieldName(problem.Field)}" });

    private static bool LeavesAnchoredFieldsEmpty(ApiDraft draft) =>
        string.IsNullOrWhiteSpace(draft.PermitId) || draft.Type == Api.V1.PermitType.Unspecified || draft.ValidFrom is null
        || draft.ValidUntil is null || draft.Lines.Count == 0;
}
