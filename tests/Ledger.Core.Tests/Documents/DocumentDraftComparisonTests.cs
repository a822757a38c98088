using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Registration;
using static Ledger.Core.Tests.Documents.SampleDocuments;

namespace Ledger.Core.Tests.Documents;

public class DocumentDraftComparisonTests
{
    private static readonly byte[] Document = Bytes(CitesExport);
    private static readonly PermitDocumentSummary Summary = PermitDocumentReader.Read(Document);

    private static PermitDraft Given => Summary.ToDraft(Document) with { PermitId = " ch / 2026 / 000123 ", Destination = "fr" };

    [Fact]
    public void Fields_that_match_the_document_in_any_typed_form_agree()
    {
        Assert.Empty(DocumentDraftComparison.Compare(Summary, Given));
    }

    [Fact]
    public void Each_disagreement_is_listed_on_its_field_with_both_values()
    {
        var given = Given with
        {
            PermitId = "CH/2026/000124",
            Type = PermitType.CitesReExport,
            ValidFrom = Summary.ValidFrom.AddDays(1),
            ValidUntil = Summary.ValidUntil!.Value.AddDays(-1),
            Destination = "DE",
            Lines = [40, 251],
        };

        var problems = DocumentDraftComparison.Compare(Summary, given);

        Assert.Equal(["permitId", "type", "validFrom", "validUntil", "destination", "lines[1]"], problems.Select(p => p.Field));
        Assert.Contains("CH/2026/000124 but the document says CH/2026/000123", problems[0].Message);
        Assert.Contains("CITES re-export certificate but the document says CITES export permit", problems[1].Message);
        Assert.Contains("2026-03-11 00:00:00 UTC but the document says 2026-03-10 00:00:00 UTC", problems[2].Message);
        Assert.Contains("DE but the document says FR", problems[4].Message);
        Assert.Equal("line 2 is 251 but the document says 250 NAR of Python reticulatus", problems[5].Message);
    }

    [Fact]
    public void A_different_number_of_lines_is_one_problem()
    {
        var problem = Assert.Single(DocumentDraftComparison.Compare(Summary, Given with { Lines = [40] }));

        Assert.Equal("lines", problem.Field);
        Assert.Contains("1 line(s) but the document says 2 line(s)", problem.Message);
    }

    [Fact]
    public void A_missing_destination_disagrees_with_a_documented_one()
    {
        var problem = Assert.Single(DocumentDraftComparison.Compare(Summary, Given with { Destination = null }));

        Assert.Equal("destination", problem.Field);
        Assert.Contains("not given", problem.Message);
    }

    [Fact]
    public void The_end_of_validity_is_not_compared_where_the_document_sets_none()
    {
        var ephyto = Bytes(EPhyto);
        var summary = PermitDocumentReader.Read(ephyto);
        var given = summary.ToDraft(ephyto, validUntil: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Empty(DocumentDraftComparison.Compare(summary, given));
        Assert.Equal("validFrom", Assert.Single(DocumentDraftComparison.Compare(summary, given with { ValidFrom = given.ValidFrom.AddHours(-1) })).Field);
    }
}
