using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Permits;
using Ledger.Core.Verification;
using static Ledger.Core.Tests.Verification.AnchoredPermits;

namespace Ledger.Core.Tests.Verification;

public class VerificationRulesTests
{
    private static readonly PermitKey OtherKey = PermitId.Parse("CH/2026/000124").Key;

    [Fact]
    public void An_active_permit_inside_its_window_is_valid()
    {
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Id, Active(), During));
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Id, Active(), ValidFrom));
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Id, Active(), ValidUntil.AddSeconds(-1)));
    }

    [Fact]
    public void Nothing_registered_is_unknown() =>
        Assert.Equal(VerificationReason.Unknown, VerificationRules.ReasonFor(Id, null, During));

    [Fact]
    public void Time_decides_between_not_yet_valid_and_expired()
    {
        Assert.Equal(VerificationReason.NotYetValid, VerificationRules.ReasonFor(Id, Active(), ValidFrom.AddSeconds(-1)));
        Assert.Equal(VerificationReason.Expired, VerificationRules.ReasonFor(Id, Active(), ValidUntil));
    }

    [Fact]
    public void Exhaustion_counts_shipments_or_fully_used_lines()
    {
        Assert.Equal(VerificationReason.Exhausted, VerificationRules.ReasonFor(Id, Active() with { ShipmentsUsed = 1 }, During));
        var allUsed = Active() with { MaxShipments = 0, Lines = [new QuantityLine(5, 5), new QuantityLine(10, 10)] };
        Assert.Equal(VerificationReason.Exhausted, VerificationRules.ReasonFor(Id, allUsed, During));

        var unlimited = Active() with { MaxShipments = 0, ShipmentsUsed = 40 };
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Id, unlimited, During));
        var oneLineLeft = Active() with { MaxShipments = 0, Lines = [new QuantityLine(5, 5), new QuantityLine(10, 9)] };
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Id, oneLineLeft, During));
    }

    [Fact]
    public void Reasons_follow_the_contracts_precedence()
    {
        // Each step adds the next-higher reason on top of all lower ones; the higher one must win.
        var permit = Active() with { ShipmentsUsed = 1 };
        var afterExpiry = ValidUntil.AddDays(1);
        Assert.Equal(VerificationReason.Expired, VerificationRules.ReasonFor(Id, permit, afterExpiry));
        Assert.Equal(VerificationReason.NotYetValid, VerificationRules.ReasonFor(Id, permit, ValidFrom.AddDays(-1)));

        permit = permit with { IssuerStatus = AuthorityStatus.Suspended };
        Assert.Equal(VerificationReason.IssuerSuspended, VerificationRules.ReasonFor(Id, permit, afterExpiry));
        Assert.Equal(VerificationReason.IssuerSuspended, VerificationRules.ReasonFor(Id, permit with { IssuerStatus = AuthorityStatus.None }, afterExpiry));

        permit = permit with { CancelReason = CancelReason.Fraud };
        Assert.Equal(VerificationReason.Cancelled, VerificationRules.ReasonFor(Id, permit, afterExpiry));

        permit = permit with { CancelReason = CancelReason.Replaced, Replacement = OtherKey };
        Assert.Equal(VerificationReason.Replaced, VerificationRules.ReasonFor(Id, permit, afterExpiry));
    }

    [Fact]
    public void A_permit_registered_by_another_countrys_authority_is_never_the_permit()
    {
        // CH/2026/000123 registered by an active FR issuer: whatever its own state, it is not CH's permit.
        var squatted = Active() with { IssuerCountry = CountryCode.Parse("FR") };
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, VerificationRules.ReasonFor(Id, squatted, During));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, VerificationRules.ReasonFor(Id, squatted, ValidUntil.AddDays(1)));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, VerificationRules.ReasonFor(Id, squatted, ValidFrom.AddDays(-1)));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, VerificationRules.ReasonFor(Id, squatted with { ShipmentsUsed = 1 }, During));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry,
            VerificationRules.ReasonFor(Id, squatted with { IssuerStatus = AuthorityStatus.Suspended }, During));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry,
            VerificationRules.ReasonFor(Id, squatted with { CancelReason = CancelReason.Fraud }, During));
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry,
            VerificationRules.ReasonFor(Id, squatted with { CancelReason = CancelReason.Replaced, Replacement = OtherKey }, During));

        // The same facts under a French number are FR's own permit.
        var french = PermitId.Parse("FR/2026/000123");
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(french, squatted, During));
        Assert.Equal(VerificationReason.Cancelled, VerificationRules.ReasonFor(french, squatted with { CancelReason = CancelReason.Fraud }, During));
    }

    [Theory]
    [InlineData(VerificationReason.IssuerNotOfPermitCountry, VerificationStatus.NotAvailable)]
    [InlineData(VerificationReason.None, VerificationStatus.Valid)]
    [InlineData(VerificationReason.Cancelled, VerificationStatus.Cancelled)]
    [InlineData(VerificationReason.Replaced, VerificationStatus.Cancelled)]
    [InlineData(VerificationReason.Unknown, VerificationStatus.NotAvailable)]
    [InlineData(VerificationReason.Expired, VerificationStatus.NotAvailable)]
    [InlineData(VerificationReason.NotYetValid, VerificationStatus.NotAvailable)]
    [InlineData(VerificationReason.Exhausted, VerificationStatus.NotAvailable)]
    [InlineData(VerificationReason.IssuerSuspended, VerificationStatus.NotAvailable)]
    public void The_reason_decides_the_status(VerificationReason reason, VerificationStatus status) =>
        Assert.Equal(status, VerificationRules.StatusOf(reason));
}
