using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;
using Ledger.Console.Pages.Issuer;
using Ledger.Console.Pages.Public;
using Ledger.Console.Paper;
using Ledger.Core.Documents;
using Ledger.Core.Errors;

namespace Ledger.Console.BrowserTests;

/// <summary>The console's pure pieces, without a devnet or a browser.</summary>
public class ConsolePieceTests
{
    [Fact]
    public void The_public_page_keeps_only_status_reason_issuer_and_validity()
    {
        var full = new VerifyPermitResponse
        {
            PermitId = "CH/2026/000123", Status = VerificationStatus.Valid, Reason = VerificationReason.Unspecified,
            Issuer = new AuthorityRef { Address = "0x00000000000000000000000000000000000000aa", Country = "CH" },
            ValidFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch), ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(1)),
            DestinationCountry = "FR", DocumentHash = "0x" + new string('1', 64), ShipmentsUsed = 1, MaxShipments = 1, AsOfBlock = 7,
            Lines = { new LineBalance { Authorised = "40", Used = "4", Remaining = "36" } },
        };

        var shown = PublicVerifyModel.PublicPart(full);

        Assert.Equal(new VerifyPermitResponse
        {
            PermitId = full.PermitId, Status = full.Status, Reason = full.Reason, Issuer = full.Issuer,
            ValidFrom = full.ValidFrom, ValidUntil = full.ValidUntil, AsOfBlock = 7,
        }, shown);
    }

    [Fact]
    public void Every_reason_but_none_has_its_own_words()
    {
        // A reason without words would show a NOT_AVAILABLE the officer cannot explain.
        var texts = System.Enum.GetValues<VerificationReason>().Where(r => r != VerificationReason.Unspecified)
            .Select(Ledger.Console.Pages.ConsoleText.Reason).ToList();
        Assert.DoesNotContain("", texts);
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Theory]
    [InlineData("https://permits.example.ch/", "CH/2026/000123", "https://permits.example.ch/public/verify?id=CH%2F2026%2F000123")]
    [InlineData("https://example.ch/ledger", "CH/2026/A B", "https://example.ch/ledger/public/verify?id=CH%2F2026%2FA%20B")]
    public void The_public_verification_URL_is_on_the_configured_base_with_the_number_escaped(string publicBase, string permitId, string expected) =>
        Assert.Equal(expected, PublicVerificationUrl.For(new Uri(publicBase), permitId).AbsoluteUri);

    [Fact]
    public void The_registration_form_carries_the_documents_fields_and_exact_bytes_to_the_draft()
    {
        var xml = TestPermits.CitesXml("CH/2026/FORM-1", new DateOnly(2026, 12, 1), new DateOnly(2027, 6, 1));
        var form = PermitDraftForm.From(PermitDocumentReader.Read(xml), xml, "permit.xml");

        var draft = form.ToDraft();

        Assert.Equal("CH/2026/FORM-1", draft.PermitId);
        Assert.Equal(PermitType.CitesExport, draft.Type);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), draft.ValidFrom.ToDateTimeOffset());
        Assert.Equal("FR", draft.DestinationCountry);
        Assert.Equal(["40", "250"], draft.Lines.Select(line => line.Amount));
        Assert.Equal(xml, draft.Document.ToByteArray());
        Assert.Equal(2, form.LineLabels.Count);
        Assert.Contains("Alligator mississippiensis", form.LineLabels[0]);
    }

    [Fact]
    public void An_ePhyto_sets_no_end_of_validity_so_the_form_leaves_it_for_the_officer_and_refuses_to_send_without_it()
    {
        var xml = File.ReadAllBytes(Path.Combine(Ledger.Testing.ToolPaths.RepositoryRoot, "samples", "documents", "ephyto-FR-EPH-2026-0042.xml"));
        var form = PermitDraftForm.From(PermitDocumentReader.Read(xml), xml, "ephyto.xml");

        var refused = Assert.Throws<LedgerException>(() => form.ToDraft());
        form.ValidUntil = "2027-01-01T00:00:00Z";
        var draft = form.ToDraft();

        Assert.Equal(PermitType.Ephyto, form.Type);
        Assert.Equal("FR-EPH-2026-0042", form.PermitId);
        Assert.Equal(["valid until"], refused.Error.Problems.Select(problem => problem.Field));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), draft.ValidUntil.ToDateTimeOffset());
    }

    [Fact]
    public void A_registration_form_with_unreadable_times_names_each_field()
    {
        var form = new PermitDraftForm { PermitId = "CH/2026/1", ValidFrom = "tomorrow", ValidUntil = "", DocumentBase64 = "AAAA", Lines = ["1"] };

        var refused = Assert.Throws<LedgerException>(() => form.ToDraft());

        Assert.Equal(LedgerErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal(["valid from", "valid until"], refused.Error.Problems.Select(problem => problem.Field));
    }
}
