using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Registration;

namespace Ledger.Core.Documents;

/// <summary>
/// What a permit document says about the fields the ledger anchors: number, type, validity,
/// the other country of the trade and the quantity lines. Produced by
/// <see cref="PermitDocumentReader"/>; never holds party names or addresses.
/// </summary>
public sealed record PermitDocumentSummary
{
    /// <summary>Which vocabulary the document uses.</summary>
    public required PermitDocumentFormat Format { get; init; }

    /// <summary>The permit or certificate number, normalised.</summary>
    public required PermitId PermitId { get; init; }

    /// <summary>The kind of permit, from the document's type code.</summary>
    public required PermitType Type { get; init; }

    /// <summary>First moment of validity (a CITES permit's start date; an ePhyto's issue date).</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>First moment no longer valid, or null when the document sets no end (an ePhyto: ISPM 12 sets none).</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The other country of the trade: the country of import, or for an import permit the country of export when given.</summary>
    public CountryCode? Destination { get; init; }

    /// <summary>The quantity lines in document order.</summary>
    public required IReadOnlyList<DocumentQuantityLine> Lines { get; init; }

    /// <summary>
    /// A registration draft carrying the document's fields and the document itself. Fields the
    /// document does not carry come from the caller: <paramref name="validUntil"/> only where the
    /// document sets no end, and the number of shipments (1 unless a multi-shipment certificate).
    /// </summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when the document sets no end and none is given.</exception>
    public PermitDraft ToDraft(ReadOnlyMemory<byte> document, DateTimeOffset? validUntil = null, int maxShipments = 1)
    {
        var until = ValidUntil ?? validUntil ?? throw new LedgerException(LedgerError.InvalidArgument("validUntil",
            "the document sets no end of validity (ISPM 12 sets none for a phytosanitary certificate); give validUntil"));
        return new PermitDraft
        {
            PermitId = PermitId.Normalised,
            Type = Type,
            ValidFrom = ValidFrom,
            ValidUntil = until,
            Destination = Destination?.Value,
            Lines = Lines.Select(line => line.Amount).ToArray(),
            MaxShipments = maxShipments,
            Document = document,
        };
    }
}
