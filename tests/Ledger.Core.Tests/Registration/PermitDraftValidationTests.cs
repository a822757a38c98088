using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Registration;

namespace Ledger.Core.Tests.Registration;

public class PermitDraftValidationTests
{
    private static readonly DateTimeOffset Now = Drafts.Now;

    [Fact]
    public void A_valid_draft_becomes_a_typed_registration()
    {
        var result = Drafts.CitesExport().Validate(Now);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Empty(result.Problems);
        var registration = result.Registration;
        Assert.Equal("CH/2026/000123", registration.Id.Normalised);
        Assert.Equal(PermitType.CitesExport, registration.Type);
        Assert.Equal(CountryCode.Parse("DE"), registration.Destination);
        Assert.Equal([(UInt128)5, 12], registration.Lines);
        Assert.Equal((ushort)1, registration.MaxShipments);
        Assert.Equal(DocumentHash.Compute(Drafts.Document), registration.DocumentHash);
        Assert.Equal(1772323200UL, registration.Validity.FromUnixSeconds);
        Assert.Null(registration.Previous);
        Assert.Same(registration, result.GetRegistrationOrThrow());
    }

    [Fact]
    public void Permit_id_must_parse() =>
        AssertSingleProblem(Drafts.CitesExport() with { PermitId = "CH 2026 1" }, "permitId", "space at position 3");

    [Fact]
    public void Permit_id_must_carry_the_registering_authority_country()
    {
        var draft = Drafts.CitesExport();
        Assert.True(draft.Validate(Now, CountryCode.Parse("CH")).IsValid);
        AssertSingleProblem(draft, "permitId", "starts with CH, but your authority is in FR", CountryCode.Parse("FR"));
    }

    [Fact]
    public void Type_must_be_defined() =>
        AssertSingleProblem(Drafts.CitesExport() with { Type = (PermitType)9 }, "type", "9 is not a permit type");

    [Fact]
    public void Valid_until_must_be_in_the_future()
    {
        var draft = Drafts.CitesExport() with { ValidFrom = Now.AddDays(-30) };
        Assert.True((draft with { ValidUntil = Now.AddSeconds(1) }).Validate(Now).IsValid);
        AssertSingleProblem(draft with { ValidUntil = Now }, "validUntil", "is in the past");
        AssertSingleProblem(draft with { ValidUntil = Now.AddDays(-1) }, "validUntil", "is in the past (2026-02-28 12:00:00 UTC");
    }

    [Fact]
    public void Valid_from_must_precede_valid_until() =>
        AssertSingleProblem(Drafts.CitesExport() with { ValidFrom = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero) }, "validUntil", "must be after validFrom");

    [Fact]
    public void Timestamps_must_be_whole_seconds() =>
        AssertSingleProblem(Drafts.CitesExport() with { ValidUntil = Drafts.CitesExport().ValidUntil.AddMilliseconds(1) }, "validUntil", "whole number of seconds");

    [Theory]
    [InlineData(PermitType.CitesExport, 6)]
    [InlineData(PermitType.CitesReExport, 6)]
    [InlineData(PermitType.CitesImport, 12)]
    [InlineData(PermitType.CitesCertificate, 36)]
    [InlineData(PermitType.EPhyto, 12)]
    [InlineData(PermitType.EPhytoReExport, 12)]
    public void Validity_is_bounded_per_type_with_a_day_of_slack(PermitType type, int months)
    {
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var latest = from.AddMonths(months).AddDays(1);
        var draft = Drafts.CitesExport() with { Type = type, ValidFrom = from };

        Assert.True((draft with { ValidUntil = latest }).Validate(Now).IsValid);
        var tooLong = AssertSingleProblem(draft with { ValidUntil = latest.AddSeconds(1) }, "validUntil", $"at most {months} months");
        Assert.Contains(PermitTypeRules.Describe(type), tooLong.Message);
    }

    [Fact]
    public void Validity_limits_near_the_end_of_the_calendar_do_not_overflow()
    {
        var from = new DateTimeOffset(9999, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var draft = Drafts.CitesExport() with { Type = PermitType.CitesCertificate, ValidFrom = from, ValidUntil = from.AddMonths(6) };
        Assert.True(draft.Validate(Now).IsValid);
        Assert.Equal(DateTimeOffset.MaxValue, PermitTypeRules.LatestValidUntil(PermitType.CitesCertificate, from));
    }

    [Theory]
    [InlineData(PermitType.CitesExport)]
    [InlineData(PermitType.CitesReExport)]
    [InlineData(PermitType.EPhyto)]
    [InlineData(PermitType.EPhytoReExport)]
    public void Export_documents_need_a_destination(PermitType type) =>
        AssertSingleProblem(Drafts.CitesExport() with { Type = type, Destination = "  " }, "destination", "is required");

    [Theory]
    [InlineData(PermitType.CitesImport, 1)]
    [InlineData(PermitType.CitesCertificate, 0)]
    public void Import_permits_and_certificates_may_omit_the_destination(PermitType type, int maxShipments)
    {
        var result = (Drafts.CitesExport() with { Type = type, Destination = null, MaxShipments = maxShipments }).Validate(Now);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Null(result.Registration.Destination);
    }

    [Fact]
    public void Destination_must_be_another_assigned_country()
    {
        AssertSingleProblem(Drafts.CitesExport() with { Destination = "ch" }, "destination", "is CH, the issuing country itself");
        AssertSingleProblem(Drafts.CitesExport() with { Destination = "UK" }, "destination", "GB");
    }

    [Fact]
    public void Lines_number_one_to_sixteen()
    {
        AssertSingleProblem(Drafts.CitesExport() with { Lines = [] }, "lines", "at least one quantity line");
        AssertSingleProblem(Drafts.CitesExport() with { Lines = Enumerable.Repeat((UInt128)1, 17).ToArray() }, "lines", "has 17 lines");
        Assert.True((Drafts.CitesExport() with { Lines = Enumerable.Repeat((UInt128)1, 16).ToArray() }).Validate(Now).IsValid);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_human_number()
    {
        var result = (Drafts.CitesExport() with { Lines = [1, 0, Quantities.MaxAmount, Quantities.MaxAmount + 1] }).Validate(Now);

        Assert.Equal(["lines[1]", "lines[3]"], result.Problems.Select(p => p.Field));
        Assert.StartsWith("line 2: amount must be positive", result.Problems[0].Message);
        Assert.StartsWith("line 4: amount 79228162514264337593543950336 is larger", result.Problems[1].Message);
    }

    [Theory]
    [InlineData(PermitType.CitesExport, 2, "is 2, but a CITES export permit covers exactly one shipment")]
    [InlineData(PermitType.CitesImport, 0, "is 0 (unlimited), but a CITES import permit covers exactly one shipment")]
    [InlineData(PermitType.EPhyto, 3, "phytosanitary certificate covers exactly one shipment")]
    [InlineData(PermitType.CitesCertificate, -1, "is -1; it must be 1 to 65535, or 0 for unlimited")]
    [InlineData(PermitType.CitesCertificate, 65536, "is 65536")]
    public void Shipment_limits_follow_the_permit_type(PermitType type, int maxShipments, string expected) =>
        AssertSingleProblem(Drafts.CitesExport() with { Type = type, MaxShipments = maxShipments }, "maxShipments", expected);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(65535)]
    public void Certificates_may_cover_several_or_unlimited_shipments(int maxShipments)
    {
        var result = (Drafts.CitesExport() with { Type = PermitType.CitesCertificate, MaxShipments = maxShipments }).Validate(Now);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(maxShipments, result.Registration.MaxShipments);
    }

    [Fact]
    public void Previous_permit_must_parse_and_differ_from_the_permit()
    {
        AssertSingleProblem(Drafts.CitesExport() with { PreviousPermitId = "CH/2026/000123" }, "previousPermitId", "cannot derive from itself");
        AssertSingleProblem(Drafts.CitesExport() with { PreviousPermitId = "ZZ/1" }, "previousPermitId", "ZZ is not an assigned");
    }

    [Fact]
    public void Previous_permit_may_come_from_another_country_for_re_exports()
    {
        var result = (Drafts.CitesExport() with { Type = PermitType.CitesReExport, PreviousPermitId = "fr/2025/77" }).Validate(Now);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(PermitId.Parse("FR/2025/77"), result.Registration.Previous);
    }

    [Fact]
    public void The_document_or_its_hash_is_required()
    {
        AssertSingleProblem(Drafts.CitesExport() with { Document = null }, "document", "send the permit document, or its SHA-256");
        AssertSingleProblem(Drafts.CitesExport() with { Document = Array.Empty<byte>() }, "document", "document is empty");
        AssertSingleProblem(Drafts.CitesExport() with { Document = new byte[DocumentHash.MaxDocumentBytes + 1] }, "document", "at most 4194304");
    }

    [Fact]
    public void A_hash_alone_is_enough_and_must_agree_with_a_document_sent_with_it()
    {
        var hash = DocumentHash.Compute(Drafts.Document);
        var hashOnly = (Drafts.CitesExport() with { Document = null, DocumentHash = hash.ToString()[2..].ToUpperInvariant() }).Validate(Now);
        Assert.Equal(hash, hashOnly.GetRegistrationOrThrow().DocumentHash);

        Assert.True((Drafts.CitesExport() with { DocumentHash = hash.ToString() }).Validate(Now).IsValid);
        var otherHash = DocumentHash.Compute("another document"u8).ToString();
        AssertSingleProblem(Drafts.CitesExport() with { DocumentHash = otherHash }, "documentHash", "does not match the SHA-256 of the document sent");
        AssertSingleProblem(Drafts.CitesExport() with { Document = null, DocumentHash = "12ab" }, "documentHash", "got 4");
    }

    [Fact]
    public void All_problems_are_reported_together_in_field_order()
    {
        var draft = new PermitDraft
        {
            PermitId = "XX/1",
            Type = PermitType.CitesExport,
            ValidFrom = Now.AddDays(-10),
            ValidUntil = Now.AddDays(-1),
            Destination = null,
            Lines = [0],
            MaxShipments = 3,
            PreviousPermitId = "??",
            Document = null,
        };

        var result = draft.Validate(Now);

        Assert.False(result.IsValid);
        Assert.Null(result.Registration);
        Assert.Equal(
            ["permitId", "validUntil", "destination", "lines[0]", "maxShipments", "previousPermitId", "document"],
            result.Problems.Select(p => p.Field));
        var thrown = Assert.Throws<LedgerException>(result.GetRegistrationOrThrow);
        Assert.Equal(LedgerErrorKind.InvalidArgument, thrown.Kind);
        Assert.Equal(result.Problems, thrown.Error.Problems);
        Assert.StartsWith("7 problems: permitId: ", thrown.Message);
    }

    private static ValidationProblem AssertSingleProblem(PermitDraft draft, string field, string expected, CountryCode? authority = null)
    {
        var result = draft.Validate(Now, authority);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(expected, problem.Message);
        return problem;
    }
}
