using System.Text;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using static Ledger.Core.Tests.Documents.SampleDocuments;

namespace Ledger.Core.Tests.Documents;

public class PermitDocumentReaderTests
{
    private static IReadOnlyList<ValidationProblem> Problems(byte[] document)
    {
        Assert.False(PermitDocumentReader.TryRead(document, out var summary, out var problems));
        Assert.Null(summary);
        Assert.NotEmpty(problems);
        return problems;
    }

    [Fact]
    public void The_cites_export_sample_reads_as_its_permit()
    {
        var summary = PermitDocumentReader.Read(Bytes(CitesExport));

        Assert.Equal(PermitDocumentFormat.CitesEPermit, summary.Format);
        Assert.Equal("CH/2026/000123", summary.PermitId.Normalised);
        Assert.Equal(PermitType.CitesExport, summary.Type);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), summary.ValidFrom);
        // Valid through 9 September: the exclusive end is the next midnight.
        Assert.Equal(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero), summary.ValidUntil);
        Assert.Equal(CountryCode.Parse("FR"), summary.Destination);
        Assert.Equal(
        [
            new DocumentQuantityLine(1, "Alligator mississippiensis", "Skins, tanned, whole", 40, "NAR"),
            new DocumentQuantityLine(2, "Python reticulatus", "Leather products, small manufactured", 250, "NAR"),
        ], summary.Lines);
    }

    [Fact]
    public void The_ephyto_sample_reads_as_its_certificate()
    {
        var summary = PermitDocumentReader.Read(Bytes(EPhyto));

        Assert.Equal(PermitDocumentFormat.EPhyto, summary.Format);
        Assert.Equal("FR-EPH-2026-0042", summary.PermitId.Normalised);
        Assert.Equal(PermitType.EPhyto, summary.Type);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 14, 30, 0, TimeSpan.Zero), summary.ValidFrom);
        Assert.Null(summary.ValidUntil);
        Assert.Equal(CountryCode.Parse("CH"), summary.Destination);
        Assert.Equal(
        [
            new DocumentQuantityLine(1, "Malus domestica", "Plants for planting, bare-rooted", 1250, "KGM"),
            new DocumentQuantityLine(2, "Tulipa gesneriana", "Bulbs, dormant", 36, "BX"),
        ], summary.Lines);
    }

    [Fact]
    public void A_sample_becomes_a_draft_that_registers_with_the_document_hash()
    {
        var document = Bytes(CitesExport);
        var draft = PermitDocumentReader.Read(document).ToDraft(document);

        var registration = draft.Validate(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero), CountryCode.Parse("CH")).GetRegistrationOrThrow();

        Assert.Equal(DocumentHash.Compute(document), registration.DocumentHash);
        Assert.Equal([40, 250], draft.Lines);
        Assert.Equal(1, draft.MaxShipments);
    }

    [Fact]
    public void An_ephyto_draft_needs_an_end_of_validity_from_the_caller()
    {
        var document = Bytes(EPhyto);
        var summary = PermitDocumentReader.Read(document);

        var error = Assert.Throws<LedgerException>(() => summary.ToDraft(document));
        var draft = summary.ToDraft(document, validUntil: new DateTimeOffset(2026, 6, 12, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("validUntil", Assert.Single(error.Error.Problems).Field);
        Assert.True(draft.Validate(new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero), CountryCode.Parse("FR")).IsValid);
    }

    [Fact]
    public void Format_coded_and_zoned_dates_are_read_and_an_unzoned_time_is_refused()
    {
        var coded = PermitDocumentReader.Read(Variant(CitesExport,
            ("<ram:StartDateTime>2026-03-10</ram:StartDateTime>", "<ram:StartDateTime><udt:DateTimeString xmlns:udt=\"u\" format=\"102\">20260311</udt:DateTimeString></ram:StartDateTime>"),
            ("<ram:EndDateTime>2026-09-09</ram:EndDateTime>", "<ram:EndDateTime>2026-09-09T18:00:00+02:00</ram:EndDateTime>")));
        var unzoned = Problems(Variant(CitesExport, ("<ram:EndDateTime>2026-09-09</ram:EndDateTime>", "<ram:EndDateTime>2026-09-09T18:00:00</ram:EndDateTime>")));

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), coded.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 9, 9, 16, 0, 0, TimeSpan.Zero), coded.ValidUntil);
        var problem = Assert.Single(unzoned);
        Assert.Equal("document/CITESEPermit/HeaderExchangedDocument/EffectiveSpecifiedPeriod/EndDateTime", problem.Field);
        Assert.Contains("zone", problem.Message);
    }

    [Fact]
    public void Malformed_xml_is_refused_with_its_position()
    {
        var text = Text(CitesExport);
        var problem = Assert.Single(Problems(Encoding.UTF8.GetBytes(text[..(text.Length / 2)])));

        Assert.Equal("document", problem.Field);
        Assert.Contains("not well-formed", problem.Message);
        Assert.Contains("Line", problem.Message);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var xxe = Variant(CitesExport,
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE x [<!ENTITY leak SYSTEM \"file:///etc/hostname\">]>"),
            ("<ram:ID>CH/2026/000123</ram:ID>", "<ram:ID>&leak;</ram:ID>"));

        var problem = Assert.Single(Problems(xxe));

        Assert.Contains("DTD", problem.Message);
        Assert.DoesNotContain(File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : "\u0000", problem.Message);
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused_before_expanding()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY e{i} \"{string.Concat(Enumerable.Repeat($"&e{i - 1};", 10))}\">"));
        var bomb = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><!DOCTYPE b [<!ENTITY e0 \"lol\">{entities}]><CITESEPermit>&e9;</CITESEPermit>");

        Assert.Contains("DTD", Assert.Single(Problems(bomb)).Message);
    }

    [Fact]
    public void Empty_and_oversized_documents_are_refused()
    {
        var oversized = new byte[DocumentHash.MaxDocumentBytes + 1];
        Array.Fill(oversized, (byte)' ');

        Assert.Contains("empty", Assert.Single(Problems([])).Message);
        Assert.Contains("at most", Assert.Single(Problems(oversized)).Message);
    }

    [Fact]
    public void Another_vocabulary_is_named_as_such()
    {
        var problem = Assert.Single(Problems("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"u8.ToArray()));

        Assert.Contains("<Invoice>", problem.Message);
        Assert.Contains("CITESEPermit", problem.Message);
    }

    [Fact]
    public void A_missing_permit_number_is_named_by_its_path_and_line()
    {
        var problem = Assert.Single(Problems(Variant(CitesExport, ("<ram:ID>CH/2026/000123</ram:ID>", ""))));

        Assert.Equal("document/CITESEPermit/HeaderExchangedDocument/ID", problem.Field);
        Assert.Contains("missing", problem.Message);
        Assert.Contains("(line 6)", problem.Message);
    }

    [Fact]
    public void Every_problem_of_a_cites_document_is_listed_at_once()
    {
        var problems = Problems(Variant(CitesExport,
            ("<ram:TypeCode>E</ram:TypeCode>", "<ram:TypeCode>X</ram:TypeCode>"),
            ("<ram:ProductUnitQuantity unitCode=\"NAR\">40</ram:ProductUnitQuantity>", "<ram:ProductUnitQuantity unitCode=\"KGM\">12.5</ram:ProductUnitQuantity>"),
            ("<ram:CountryID>FR</ram:CountryID>", "<ram:CountryID>XX</ram:CountryID>"),
            ("<ram:ScientificName>Python reticulatus</ram:ScientificName>", "")));

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Field.EndsWith("/TypeCode") && p.Message.Contains("'X'"));
        Assert.Contains(problems, p => p.Field.EndsWith("IncludedSupplyChainTradeLineItem[1]/SpecifiedSupplyChainTradeDelivery/ProductUnitQuantity")
            && p.Message.Contains("12.5 KGM") && p.Message.Contains("whole"));
        Assert.Contains(problems, p => p.Field.EndsWith("ConsigneeTradeParty/PostalTradeAddress/CountryID"));
        Assert.Contains(problems, p => p.Field.EndsWith("IncludedSupplyChainTradeLineItem[2]/SpecifiedTradeProduct/ScientificName"));
    }

    [Fact]
    public void A_cites_issuer_of_another_country_than_the_number_is_refused()
    {
        var problem = Assert.Single(Problems(Variant(CitesExport,
            ("<ram:CityName>Bern</ram:CityName>\n          <ram:CountryID>CH</ram:CountryID>", "<ram:CityName>Bern</ram:CityName>\n          <ram:CountryID>DE</ram:CountryID>"))));

        Assert.Contains("DE", problem.Message);
        Assert.Contains("carries CH", problem.Message);
    }

    [Fact]
    public void An_export_permit_without_an_importer_is_refused()
    {
        var text = Text(CitesExport);
        var start = text.IndexOf("<ram:ConsigneeTradeParty>", StringComparison.Ordinal);
        var end = text.IndexOf("</ram:ConsigneeTradeParty>", StringComparison.Ordinal) + "</ram:ConsigneeTradeParty>".Length;

        var problem = Assert.Single(Problems(Encoding.UTF8.GetBytes(text[..start] + text[end..])));

        Assert.EndsWith("SpecifiedSupplyChainConsignment/ConsigneeTradeParty", problem.Field);
    }

    [Fact]
    public void An_import_permit_names_the_exporting_country_as_the_other_country()
    {
        var summary = PermitDocumentReader.Read(Variant(CitesExport, ("<ram:TypeCode>E</ram:TypeCode>", "<ram:TypeCode>import</ram:TypeCode>")));

        Assert.Equal(PermitType.CitesImport, summary.Type);
        Assert.Equal(CountryCode.Parse("CH"), summary.Destination);
    }

    [Theory]
    [InlineData("<ram:StatusCode>70</ram:StatusCode>", "<ram:StatusCode>40</ram:StatusCode>", "/StatusCode", "in force")]
    [InlineData("<ram:TypeCode>851</ram:TypeCode>", "<ram:TypeCode>999</ram:TypeCode>", "SPSExchangedDocument/TypeCode", "851")]
    [InlineData("<ram:ID>FR</ram:ID>", "<ram:ID>NL</ram:ID>", "ExportSPSCountry/ID", "carries FR")]
    [InlineData("<ram:ID>CH</ram:ID>", "", "ImportSPSCountry/ID", "missing")]
    [InlineData("<ram:NetWeightMeasure unitCode=\"KGM\">1250</ram:NetWeightMeasure>", "", "IncludedSPSTradeLineItem[1]", "no quantity")]
    [InlineData("<ram:NetWeightMeasure unitCode=\"KGM\">1250</ram:NetWeightMeasure>", "<ram:NetWeightMeasure>1250</ram:NetWeightMeasure>", "NetWeightMeasure", "unitCode")]
    [InlineData("20260312143000", "2026-03-12", "IssueDateTime", "204")]
    public void A_broken_ephyto_is_refused_naming_the_field(string old, string replacement, string fieldEnd, string messagePart)
    {
        var problem = Assert.Single(Problems(Variant(EPhyto, (old, replacement))));

        Assert.EndsWith(fieldEnd, problem.Field);
        Assert.Contains(messagePart, problem.Message);
    }

    [Fact]
    public void More_lines_than_the_ledger_anchors_are_refused()
    {
        var text = Text(EPhyto);
        var start = text.IndexOf("<ram:IncludedSPSTradeLineItem>", StringComparison.Ordinal);
        var end = text.IndexOf("</ram:IncludedSPSTradeLineItem>", StringComparison.Ordinal) + "</ram:IncludedSPSTradeLineItem>".Length;
        var line = text[start..end];
        var many = text[..start] + string.Concat(Enumerable.Repeat(line, Quantities.MaxLines + 1)) + text[end..];

        Assert.Contains($"at most {Quantities.MaxLines}", Assert.Single(Problems(Encoding.UTF8.GetBytes(many))).Message);
    }
}
