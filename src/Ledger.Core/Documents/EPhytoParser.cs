using System.Xml.Linq;
using Ledger.Core.Permits;

namespace Ledger.Core.Documents;

/// <summary>
/// Reads the anchored fields of an IPPC ePhyto, the UN/CEFACT SPS certificate (root
/// <c>SPSCertificate</c>):
/// <list type="bullet">
/// <item>SPSExchangedDocument/ID: the certificate number;</item>
/// <item>SPSExchangedDocument/TypeCode: 851 phytosanitary certificate, 657 re-export;</item>
/// <item>SPSExchangedDocument/StatusCode: only a certificate in force is anchored (70 issued,
/// 39 approved); anything else, e.g. a withdrawn or replaced one, is refused;</item>
/// <item>SPSExchangedDocument/IssueDateTime: the start of validity (ISPM 12 sets no end);</item>
/// <item>SPSConsignment/ExportSPSCountry/ID must be the number's country;
/// SPSConsignment/ImportSPSCountry/ID is the destination;</item>
/// <item>each SPSConsignment/IncludedSPSConsignmentItem/IncludedSPSTradeLineItem: its
/// ScientificName, Description, and its quantity: the net weight, else the net volume, else
/// the gross weight or volume, else the package count.</item>
/// </list>
/// </summary>
internal static class EPhytoParser
{
    public const string RootName = "SPSCertificate";

    private const string Header = "SPSExchangedDocument";
    private const string Consignment = "SPSConsignment";
    private const string LineItems = "IncludedSPSConsignmentItem/IncludedSPSTradeLineItem";
    private const string PackageCount = "PhysicalSPSPackage/ItemQuantity";

    private static readonly string[] Measures = ["NetWeightMeasure", "NetVolumeMeasure", "GrossWeightMeasure", "GrossVolumeMeasure"];

    private static readonly HashSet<string> InForceStatusCodes = new(StringComparer.Ordinal) { "70", "39" };

    public static PermitDocumentSummary? Parse(XElement root, DocumentFields fields)
    {
        var header = fields.Required(root, Header);
        var consignment = fields.Required(root, Consignment);
        if (header is null || consignment is null)
            return null;

        var id = DocumentValues.ReadPermitId(header, "ID", fields);
        var type = ReadType(header, fields);
        CheckStatus(header, fields);
        var issued = DocumentValues.ReadMoment(header, "IssueDateTime", fields, endOfDay: false);
        var exporter = DocumentValues.ReadCountry(consignment, "ExportSPSCountry/ID", fields, required: true);
        if (id is not null && exporter is not null && exporter != id.Country)
            fields.Problem(consignment, "ExportSPSCountry/ID", $"is {exporter}, but the certificate number {id} carries {id.Country}");
        var destination = DocumentValues.ReadCountry(consignment, "ImportSPSCountry/ID", fields, required: true);
        var lines = ReadLines(consignment, fields);

        if (fields.HasProblems || id is null || type is null || issued is null)
            return null;
        return new PermitDocumentSummary
        {
            Format = PermitDocumentFormat.EPhyto,
            PermitId = id,
            Type = type.Value,
            ValidFrom = issued.Value,
            ValidUntil = null,
            Destination = destination,
            Lines = lines,
        };
    }

    private static PermitType? ReadType(XElement header, DocumentFields fields)
    {
        var code = fields.RequiredText(header, "TypeCode");
        PermitType? type = code switch
        {
            null => null,
            "851" => PermitType.EPhyto,
            "657" => PermitType.EPhytoReExport,
            _ => null,
        };
        if (code is not null && type is null)
            fields.Problem(header, "TypeCode", $"'{code}' is not a phytosanitary certificate type: use 851 (phytosanitary) or 657 (re-export)");
        return type;
    }

    private static void CheckStatus(XElement header, DocumentFields fields)
    {
        var status = fields.RequiredText(header, "StatusCode");
        if (status is not null && !InForceStatusCodes.Contains(status))
            fields.Problem(header, "StatusCode", $"is '{status}': only a certificate in force (70 issued, 39 approved) is anchored");
    }

    private static IReadOnlyList<DocumentQuantityLine> ReadLines(XElement consignment, DocumentFields fields)
    {
        var items = DocumentFields.FindAll(consignment, LineItems).ToList();
        if (items.Count == 0)
            fields.Problem(consignment, LineItems, "no trade line item: a certificate needs at least one commodity line with its quantity");
        var lines = new List<DocumentQuantityLine>();
        foreach (var item in items)
        {
            var scientificName = DocumentFields.Text(item, "ScientificName");
            var description = DocumentFields.Text(item, "Description");
            if (scientificName is null && description is null)
                fields.Problem(item, "has neither ScientificName nor Description: say what the commodity is");
            if (DocumentValues.ReadLineAmount(item, QuantityCandidates(item), fields) is { } amount)
                lines.Add(new DocumentQuantityLine(lines.Count + 1, scientificName, description, amount.Amount, amount.Unit));
        }
        return lines;
    }

    /// <summary>
    /// The measures (each with its unitCode), then the package count, whose unit is the package
    /// type (UN/ECE Rec. 21 code) or else "packages".
    /// </summary>
    private static (string Path, string? DefaultUnit)[] QuantityCandidates(XElement item) =>
    [
        .. Measures.Select(measure => (measure, (string?)null)),
        (PackageCount, DocumentFields.Text(item, "PhysicalSPSPackage/TypeCode") ?? "packages"),
    ];
}
