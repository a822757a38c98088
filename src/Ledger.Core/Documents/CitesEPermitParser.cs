using System.Xml.Linq;
using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Permits;

namespace Ledger.Core.Documents;

/// <summary>
/// Reads the anchored fields of a CITES ePermit XML document (root <c>CITESEPermit</c>):
/// <list type="bullet">
/// <item>HeaderExchangedDocument/ID: the permit number (box 1);</item>
/// <item>HeaderExchangedDocument/TypeCode: E export, I import, R re-export, O other (the
/// standard form's boxes), or the words;</item>
/// <item>HeaderExchangedDocument/EffectiveSpecifiedPeriod/StartDateTime and EndDateTime
/// (box 2; an end date is valid through that day);</item>
/// <item>the issuing authority's country, FirstSignatoryDocumentAuthentication/ProviderTradeParty
/// /PostalTradeAddress/CountryID, when given, must be the number's country;</item>
/// <item>SpecifiedSupplyChainConsignment/ConsigneeTradeParty (importer, box 3) and
/// ConsignorTradeParty (exporter, box 4) with PostalTradeAddress/CountryID;</item>
/// <item>each IncludedSupplyChainConsignmentItem/IncludedSupplyChainTradeLineItem: the
/// SpecifiedTradeProduct's ScientificName and Description and the quantity
/// SpecifiedSupplyChainTradeDelivery/ProductUnitQuantity with its unitCode (box 12).</item>
/// </list>
/// </summary>
internal static class CitesEPermitParser
{
    public const string RootName = "CITESEPermit";

    private const string Header = "HeaderExchangedDocument";
    private const string Consignment = "SpecifiedSupplyChainConsignment";
    private const string LineItems = "IncludedSupplyChainConsignmentItem/IncludedSupplyChainTradeLineItem";
    private const string Quantity = "SpecifiedSupplyChainTradeDelivery/ProductUnitQuantity";
    private const string IssuerCountry = "FirstSignatoryDocumentAuthentication/ProviderTradeParty/PostalTradeAddress/CountryID";
    private const string PartyCountry = "PostalTradeAddress/CountryID";

    public static PermitDocumentSummary? Parse(XElement root, DocumentFields fields)
    {
        var header = fields.Required(root, Header);
        var consignment = fields.Required(root, Consignment);
        if (header is null || consignment is null)
            return null;

        var id = DocumentValues.ReadPermitId(header, "ID", fields);
        var type = ReadType(header, fields);
        var period = fields.Required(header, "EffectiveSpecifiedPeriod");
        var from = period is null ? null : DocumentValues.ReadMoment(period, "StartDateTime", fields, endOfDay: false);
        var until = period is null ? null : DocumentValues.ReadMoment(period, "EndDateTime", fields, endOfDay: true);
        if (id is not null && DocumentValues.ReadCountry(header, IssuerCountry, fields, required: false) is { } issuer && issuer != id.Country)
            fields.Problem(header, IssuerCountry, $"is {issuer}, but the permit number {id} carries {id.Country}");
        var destination = ReadDestination(consignment, type, fields);
        var lines = ReadLines(consignment, fields);

        if (fields.HasProblems || id is null || type is null || from is null || until is null)
            return null;
        return new PermitDocumentSummary
        {
            Format = PermitDocumentFormat.CitesEPermit,
            PermitId = id,
            Type = type.Value,
            ValidFrom = from.Value,
            ValidUntil = until.Value,
            Destination = destination,
            Lines = lines,
        };
    }

    private static PermitType? ReadType(XElement header, DocumentFields fields)
    {
        var code = fields.RequiredText(header, "TypeCode");
        PermitType? type = code?.ToUpperInvariant() switch
        {
            null => null,
            "E" or "EXPORT" => PermitType.CitesExport,
            "I" or "IMPORT" => PermitType.CitesImport,
            "R" or "RE-EXPORT" or "REEXPORT" => PermitType.CitesReExport,
            "O" or "OTHER" => PermitType.CitesCertificate,
            _ => null,
        };
        if (code is not null && type is null)
            fields.Problem(header, "TypeCode", $"'{code}' is not a CITES permit type: use E (export), I (import), R (re-export) or O (other)");
        return type;
    }

    /// <summary>The other country of the trade: the importer's for export and re-export, the exporter's for an import permit.</summary>
    private static CountryCode? ReadDestination(XElement consignment, PermitType? type, DocumentFields fields)
    {
        if (type == PermitType.CitesImport)
            return DocumentFields.Find(consignment, "ConsignorTradeParty") is { } consignor
                ? DocumentValues.ReadCountry(consignor, PartyCountry, fields, required: false)
                : null;
        var consignee = type is PermitType.CitesExport or PermitType.CitesReExport
            ? fields.Required(consignment, "ConsigneeTradeParty")
            : DocumentFields.Find(consignment, "ConsigneeTradeParty");
        return consignee is null ? null : DocumentValues.ReadCountry(consignee, PartyCountry, fields, required: type is not PermitType.CitesCertificate);
    }

    private static IReadOnlyList<DocumentQuantityLine> ReadLines(XElement consignment, DocumentFields fields)
    {
        var items = DocumentFields.FindAll(consignment, LineItems).ToList();
        if (items.Count == 0)
            fields.Problem(consignment, LineItems, "no trade line item: a permit needs at least one species line with its quantity");
        var lines = new List<DocumentQuantityLine>();
        foreach (var item in items)
        {
            var scientificName = DocumentFields.Text(item, "SpecifiedTradeProduct/ScientificName");
            if (scientificName is null)
                fields.Problem(item, "SpecifiedTradeProduct/ScientificName", "is missing: every CITES line names its species (box 7/8)");
            var description = DocumentFields.Text(item, "SpecifiedTradeProduct/Description");
            if (DocumentValues.ReadLineAmount(item, [(Quantity, null)], fields) is { } amount)
                lines.Add(new DocumentQuantityLine(lines.Count + 1, scientificName, description, amount.Amount, amount.Unit));
        }
        return lines;
    }
}
