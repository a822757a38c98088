using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Cli.Output;

namespace Ledger.Cli.Tests.Output;

public class WordsTests
{
    [Theory]
    [InlineData(VerificationStatus.Valid, VerificationReason.Unspecified, "VALID")]
    [InlineData(VerificationStatus.Cancelled, VerificationReason.Cancelled, "CANCELLED (cancelled by the issuer)")]
    [InlineData(VerificationStatus.Cancelled, VerificationReason.Replaced, "CANCELLED (replaced by another permit)")]
    [InlineData(VerificationStatus.NotAvailable, VerificationReason.Exhausted, "NOT_AVAILABLE (exhausted: all quantities or shipments used)")]
    [InlineData(VerificationStatus.NotAvailable, VerificationReason.Unknown, "NOT_AVAILABLE (unknown permit)")]
    [InlineData(VerificationStatus.NotAvailable, VerificationReason.IssuerSuspended, "NOT_AVAILABLE (issuer suspended)")]
    [InlineData(VerificationStatus.NotAvailable, VerificationReason.IssuerNotOfPermitCountry,
        "NOT_AVAILABLE (registered by another country than the permit number's: not a genuine permit)")]
    public void Status_reads_as_the_EPIX_word_with_the_reason(VerificationStatus status, VerificationReason reason, string expected) =>
        Assert.Equal(expected, Words.StatusWithReason(status, reason));

    [Fact]
    public void Every_reason_the_proto_defines_has_words()
    {
        foreach (var reason in System.Enum.GetValues<VerificationReason>().Where(r => r != VerificationReason.Unspecified))
            Assert.DoesNotContain("reason ", Words.Of(reason));
    }

    [Fact]
    public void Times_print_in_UTC_to_the_second()
    {
        var time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 1, 12, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal("2026-06-01 10:30:05Z", Words.Of(time));
    }

    [Theory]
    [InlineData(1u, 1u, "1 of 1")]
    [InlineData(2u, 0u, "2 of unlimited")]
    public void Shipments_say_unlimited_for_zero(uint used, uint allowed, string expected) =>
        Assert.Equal(expected, Words.Shipments(used, allowed));

    [Theory]
    [InlineData("0x43482d4653564f00000000000000000000000000000000000000000000000000", "CH-FSVO")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xff00", "0xff00")]
    [InlineData("0x4100410000", "0x4100410000")]
    [InlineData("not hex", "not hex")]
    public void Codes_show_as_text_only_when_they_are_printable_ASCII(string hex, string expected) =>
        Assert.Equal(expected, CodeText.Readable(hex));

    [Fact]
    public void A_verification_names_status_reason_balance_and_document_match()
    {
        var answer = new VerifyPermitResponse
        {
            PermitId = "CH/2026/000123",
            Status = VerificationStatus.NotAvailable,
            Reason = VerificationReason.Exhausted,
            Issuer = new AuthorityRef { Address = "0x3Bf1e70Fe6ecF55ed791003Af0395ECDeB1139aE", Country = "CH", Kind = AuthorityKind.Issuer },
            Lines = { new LineBalance { Authorised = "10", Used = "10", Remaining = "0" } },
            ShipmentsUsed = 1,
            MaxShipments = 1,
            DocumentMatches = false,
        };

        var lines = PermitViews.Verification(answer).ToString().Split('\n');

        Assert.Contains(lines, l => l.StartsWith("status:", StringComparison.Ordinal) && l.EndsWith("NOT_AVAILABLE (exhausted: all quantities or shipments used)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("line 1:", StringComparison.Ordinal) && l.EndsWith("used 10 of 10 (0 remaining)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("shipments:", StringComparison.Ordinal) && l.EndsWith("1 of 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("document:", StringComparison.Ordinal)
            && l.EndsWith("the presented document does NOT match the registered one: do not accept it", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("CH issuer 0x3Bf1e70Fe6ecF55ed791003Af0395ECDeB1139aE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_matching_a_number_another_country_registered_is_not_called_the_registered_one()
    {
        var squatted = new VerifyPermitResponse
        {
            PermitId = "CH/2026/000123",
            Status = VerificationStatus.NotAvailable,
            Reason = VerificationReason.IssuerNotOfPermitCountry,
            Issuer = new AuthorityRef { Address = "0x3Bf1e70Fe6ecF55ed791003Af0395ECDeB1139aE", Country = "FR", Kind = AuthorityKind.Issuer },
            DocumentMatches = true,
        };

        var document = PermitViews.Verification(squatted).ToString().Split('\n').Single(l => l.StartsWith("document:", StringComparison.Ordinal));

        Assert.EndsWith("the presented document matches what another country registered under this number", document, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_permit_prints_no_issuer_or_shipment_lines()
    {
        var answer = new VerifyPermitResponse { PermitId = "XX/1", Status = VerificationStatus.NotAvailable, Reason = VerificationReason.Unknown };

        var text = PermitViews.Verification(answer).ToString();

        Assert.Contains("NOT_AVAILABLE (unknown permit)", text);
        Assert.DoesNotContain("issuer:", text);
        Assert.DoesNotContain("shipments:", text);
    }
}
