using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Core.Documents;

namespace Ledger.Cli.Input;

/// <summary>What `permit register` read from its options, each null (or empty) when not given on the command line.</summary>
/// <param name="PermitId">The permit ID.</param>
/// <param name="Type">--type, when given.</param>
/// <param name="ValidFrom">--valid-from, as typed.</param>
/// <param name="ValidUntil">--valid-until, as typed.</param>
/// <param name="Destination">--destination.</param>
/// <param name="Quantities">Each --quantity.</param>
/// <param name="MaxShipments">--max-shipments (its default, 1, when not given).</param>
/// <param name="Previous">--previous.</param>
public sealed record RegisterOptions(string? PermitId, PermitType? Type, string? ValidFrom, string? ValidUntil, string? Destination,
    IReadOnlyList<string> Quantities, uint MaxShipments, string? Previous);

/// <summary>
/// Builds the draft `permit register` sends. A CITES ePermit or IPPC ePhyto XML carries the
/// permit's fields itself: only the options given go with it, and the gateway fills the rest
/// from the document and refuses options that disagree with it. Any other document (JSON, PDF)
/// needs the permit ID and quantities, and the dates default as they always did.
/// </summary>
public static class RegisterDraftBuilder
{
    /// <summary>The draft for <paramref name="document"/> and <paramref name="options"/>.</summary>
    /// <exception cref="CliInputException">A document the gateway does not read, without the permit ID or a quantity.</exception>
    public static PermitDraft Build(byte[] document, RegisterOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsCitesOrEPhyto(document) ? FromDocument(document, options) : Explicit(document, options, now);
    }

    /// <summary>
    /// True for a document the gateway reads fields from: a CITES ePermit or ePhyto, even one
    /// with errors (the gateway then lists them), as opposed to a file of another kind.
    /// </summary>
    public static bool IsCitesOrEPhyto(byte[] document) =>
        PermitDocumentReader.TryRead(document, out _, out var problems) || problems.Any(problem => problem.Field != "document");

    private static PermitDraft FromDocument(byte[] document, RegisterOptions options)
    {
        var draft = new PermitDraft
        {
            Document = ByteString.CopyFrom(document),
            PermitId = options.PermitId ?? "",
            Type = options.Type ?? PermitType.Unspecified,
            DestinationCountry = options.Destination ?? "",
            MaxShipments = options.MaxShipments,
            PreviousPermitId = options.Previous ?? "",
        };
        if (options.ValidFrom is { } from)
            draft.ValidFrom = Dates.Parse(from, "--valid-from");
        if (options.ValidUntil is { } until)
            draft.ValidUntil = Dates.Parse(until, "--valid-until");
        if (options.Quantities.Count > 0)
            draft.Lines.Add(Input.Quantities.Parse(options.Quantities, minimum: 1));
        return draft;
    }

    private static PermitDraft Explicit(byte[] document, RegisterOptions options, DateTimeOffset now)
    {
        if (options.PermitId is null || options.Quantities.Count == 0)
            throw new CliInputException("the document is not a CITES ePermit or ePhyto XML, so the gateway cannot read the permit's fields "
                + "from it: give the permit ID and at least one --quantity.");
        var from = options.ValidFrom is { } fromText ? Dates.Parse(fromText, "--valid-from") : Dates.DefaultValidFrom(now);
        var until = options.ValidUntil is { } untilText
            ? Dates.Parse(untilText, "--valid-until")
            : Timestamp.FromDateTimeOffset(from.ToDateTimeOffset().AddMonths(6));
        return new PermitDraft
        {
            PermitId = options.PermitId,
            Type = options.Type ?? PermitType.CitesExport,
            Document = ByteString.CopyFrom(document),
            ValidFrom = from,
            ValidUntil = until,
            DestinationCountry = options.Destination ?? "",
            Lines = { Input.Quantities.Parse(options.Quantities, minimum: 1) },
            MaxShipments = options.MaxShipments,
            PreviousPermitId = options.Previous ?? "",
        };
    }
}
