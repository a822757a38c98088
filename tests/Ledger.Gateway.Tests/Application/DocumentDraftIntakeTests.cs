using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Gateway.Application;
using Ledger.Testing;

namespace Ledger.Gateway.Tests.Application;

/// <summary>Filling a draft from its document and checking the given fields against it, before any chain or store is involved.</summary>
public sealed class DocumentDraftIntakeTests
{
    // Inside the sample's validity (2026-03-10 .. 2026-09-09), so the draft validates as of this moment.
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 8, 0, 0, TimeSpan.Zero);

    private static ByteString Sample(string name) =>
        ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", name)));

    private static ByteString Cites => Sample("cites-export-CH-2026-000123.xml");

    private static IReadOnlyList<CheckedPermit> Check(PermitDraft draft) => PermitDraftChecks.Validate([(draft, "permit")], Now);

    private static IReadOnlyList<ValidationProblem> Refusal(PermitDraft draft) =>
        Assert.Throws<LedgerException>(() => Check(draft)).Error.Problems;

    [Fact]
    public void A_cites_document_alone_gives_every_anchored_field()
    {
        var permit = Assert.Single(Check(new PermitDraft { Document = Cites })).Registration;

        Assert.Equal("CH/2026/000123", permit.Id.Normalised);
        Assert.Equal(Ledger.Core.Permits.PermitType.CitesExport, permit.Type);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), permit.Validity.From);
        Assert.Equal(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero), permit.Validity.Until);
        Assert.Equal("FR", permit.Destination?.Value);
        Assert.Equal([(UInt128)40, 250], permit.Lines);
        Assert.Equal(1, permit.MaxShipments);
        Assert.Equal(Ledger.Core.Documents.DocumentHash.Compute(Cites.Span), permit.DocumentHash);
    }

    [Fact]
    public void The_kept_document_is_the_bytes_as_given_labelled_by_what_they_are()
    {
        var permit = Assert.Single(Check(new PermitDraft { Document = Cites }));

        Assert.Equal(Cites.ToByteArray(), permit.Document.ToArray());
        Assert.Equal("application/xml", permit.MediaType);
        Assert.Equal("application/pdf", DocumentMediaTypes.Sniff("%PDF-1.7"u8));
        Assert.Equal("application/json", DocumentMediaTypes.Sniff("\uFEFF \n{\"a\":1}"u8));
        Assert.Equal("application/octet-stream", DocumentMediaTypes.Sniff([0x00, 0x01]));
    }

    [Fact]
    public void Each_given_field_that_disagrees_is_one_problem_on_its_proto_field()
    {
        var draft = new PermitDraft
        {
            Document = Cites,
            PermitId = "CH/2026/000124",
            Type = PermitType.CitesReExport,
            ValidFrom = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)),
            DestinationCountry = "DE",
            Lines = { new QuantityLine { Amount = "40" }, new QuantityLine { Amount = "251" } },
        };

        var problems = Refusal(draft);

        Assert.Equal(["permit.permit_id", "permit.type", "permit.valid_from", "permit.destination_country", "permit.lines[1]"],
            problems.Select(p => p.Field));
        Assert.Contains("the document says FR", problems.Single(p => p.Field == "permit.destination_country").Message);
    }

    [Fact]
    public void An_ephyto_needs_its_end_of_validity_given()
    {
        var problems = Refusal(new PermitDraft { Document = Sample("ephyto-FR-EPH-2026-0042.xml") });

        Assert.Equal("permit.valid_until", Assert.Single(problems).Field);
    }

    [Fact]
    public void A_cites_document_with_errors_is_refused_with_them_when_fields_are_left_out_and_anchored_by_hash_with_every_field()
    {
        var broken = ByteString.CopyFrom(Encoding.UTF8.GetBytes(Cites.ToStringUtf8().Replace("<ram:TypeCode>E</ram:TypeCode>", "", StringComparison.Ordinal)));
        var draft = new PermitDraft
        {
            Document = broken, PermitId = "CH/2026/000123", Type = PermitType.CitesExport, DestinationCountry = "FR", MaxShipments = 1,
            ValidFrom = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero)),
            ValidUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero)),
            Lines = { new QuantityLine { Amount = "40" }, new QuantityLine { Amount = "250" } },
        };

        var problems = Refusal(new PermitDraft { Document = broken });
        var permit = Assert.Single(Check(draft));

        Assert.Contains(problems, problem => problem.Field.StartsWith("permit.document/", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Field == "permit.document" && problem.Message.Contains("give permit_id", StringComparison.Ordinal));
        Assert.Equal("CH/2026/000123", permit.Registration.Id.Normalised);
        Assert.Equal(broken.ToByteArray(), permit.Document.ToArray());
    }
}
