using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Verification;
using static Ledger.Core.Tests.Verification.AnchoredPermits;

namespace Ledger.Core.Tests.Verification;

public class VerificationTextsTests
{
    [Theory]
    [InlineData(VerificationStatus.Valid, "VALID")]
    [InlineData(VerificationStatus.Cancelled, "CANCELLED")]
    [InlineData(VerificationStatus.NotAvailable, "NOT_AVAILABLE")]
    public void Wire_names_round_trip(VerificationStatus status, string wireName)
    {
        Assert.Equal(wireName, VerificationTexts.WireName(status));
        Assert.True(VerificationTexts.TryParseWireName(wireName, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("NOT AVAILABLE")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_wire_names_are_refused(string? text) =>
        Assert.False(VerificationTexts.TryParseWireName(text, out _));

    [Fact]
    public void Expired_says_when() =>
        Assert.Equal("expired on 2026-06-01 00:00:00 UTC", Explain(Active(), ValidUntil.AddDays(3)));

    [Fact]
    public void Not_yet_valid_says_from_when() =>
        Assert.Equal("not valid before 2026-03-01 00:00:00 UTC", Explain(Active(), ValidFrom.AddDays(-3)));

    [Fact]
    public void Cancelled_names_the_reason()
    {
        Assert.Equal("cancelled by the issuing authority (issued in error)", Explain(Active() with { CancelReason = CancelReason.IssuedInError }, During));
        Assert.Equal("cancelled by the issuing authority (reason code 9)", Explain(Active() with { CancelReason = (CancelReason)9 }, During));
    }

    [Fact]
    public void Replaced_names_the_replacement_key()
    {
        var replacement = PermitId.Parse("CH/2026/000124").Key;
        var text = Explain(Active() with { CancelReason = CancelReason.Replaced, Replacement = replacement }, During);
        Assert.StartsWith($"replaced by another permit (key {replacement})", text);
    }

    [Fact]
    public void Suspended_issuer_and_exhaustion_say_what_happened()
    {
        Assert.StartsWith("the issuing authority (CH) is suspended", Explain(Active() with { IssuerStatus = AuthorityStatus.Suspended }, During));
        Assert.Equal("already used: 1 of 1 shipments recorded", Explain(Active() with { ShipmentsUsed = 1 }, During));
        var linesUsed = Active() with { MaxShipments = 0, Lines = [new QuantityLine(5, 5)] };
        Assert.Equal("already used: every quantity line is used up", Explain(linesUsed, During));
    }

    [Fact]
    public void Unknown_sends_the_officer_to_the_issuer() =>
        Assert.StartsWith("not registered on the ledger", VerificationTexts.Explain(PermitVerification.Evaluate(Id, null, During)));

    [Fact]
    public void Summary_gives_status_reason_usage_and_document_match()
    {
        var matching = PermitVerification.Evaluate(Id, Active(), During, Hash);
        Assert.Equal(
            "CH/2026/000123: VALID — valid until 2026-06-01 00:00:00 UTC; line 1: 5 of 5 left; line 2: 6 of 10 left; 0 of 1 shipments recorded; "
            + "the presented document matches the registered one",
            VerificationTexts.Summarise(matching));

        var forged = PermitVerification.Evaluate(Id, Active(), During, DocumentHash.Compute("x"u8));
        Assert.EndsWith("does NOT match the registered one: do not accept it", VerificationTexts.Summarise(forged));

        var unlimited = PermitVerification.Evaluate(Id, Active() with { MaxShipments = 0, ShipmentsUsed = 3 }, During);
        Assert.Contains("3 shipments recorded (no limit)", VerificationTexts.Summarise(unlimited));
    }

    [Fact]
    public void Another_countrys_registration_is_called_not_genuine_and_shows_no_usage()
    {
        var squatted = PermitVerification.Evaluate(Id, Active() with { IssuerCountry = CountryCode.Parse("FR") }, During, Hash);
        Assert.Equal(
            "CH/2026/000123: NOT_AVAILABLE — registered by an authority of FR, but the number is one of CH: not a genuine permit; "
            + "do not accept it, and ask the issuing authority of CH; the presented document matches what another country registered under this number",
            VerificationTexts.Summarise(squatted));
        var squattedOther = PermitVerification.Evaluate(Id, Active() with { IssuerCountry = CountryCode.Parse("FR") }, During, DocumentHash.Compute("x"u8));
        Assert.EndsWith("; the presented document does NOT match what another country registered under this number", VerificationTexts.Summarise(squattedOther));
        Assert.Equal("registered by an authority of another country than the permit number's: not a genuine permit",
            VerificationTexts.Describe(VerificationReason.IssuerNotOfPermitCountry));
    }

    [Fact]
    public void Every_reason_has_a_distinct_short_description()
    {
        var texts = Enum.GetValues<VerificationReason>().Select(VerificationTexts.Describe).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    private static string Explain(AnchoredPermit permit, DateTimeOffset now) =>
        VerificationTexts.Explain(PermitVerification.Evaluate(Id, permit, now));
}
