using Ledger.Core.Authorities;
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
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Active(), During));
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Active(), ValidFrom));
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(Active(), ValidUntil.AddSeconds(-1)));
    }

    [Fact]
    public void Nothing_registered_is_unknown() =>
        Assert.Equal(VerificationReason.Unknown, VerificationRules.ReasonFor(null, During));

    [Fact]
    public void Time_decides_between_not_yet_valid_and_expired()
    {
        Assert.Equal(VerificationReason.NotYetValid, VerificationRules.ReasonFor(Active(), ValidFrom.AddSeconds(-1)));
        Assert.Equal(VerificationReason.Expired, VerificationRules.ReasonFor(Active(), ValidUntil));
    }

    [Fact]
    public void Exhaustion_counts_shipments_or_fully_used_lines()
    {
        Assert.Equal(VerificationReason.Exhausted, VerificationRules.ReasonFor(Active() with { ShipmentsUsed = 1 }, During));
        var allUsed = Active() with { MaxShipments = 0, Lines = [new QuantityLine(5, 5), new QuantityLine(10, 10)] };
        Assert.Equal(VerificationReason.Exhausted, VerificationRules.ReasonFor(allUsed, During));

        var unlimited = Active() with { MaxShipments = 0, ShipmentsUsed = 40 };
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(unlimited, During));
        var oneLineLeft = Active() with { MaxShipments = 0, Lines = [new QuantityLine(5, 5), new QuantityLine(10, 9)] };
        Assert.Equal(VerificationReason.None, VerificationRules.ReasonFor(oneLineLeft, During));
    }

    [Fact]
    public void Reasons_follow_the_contracts_precedence()
    {
        // Each step adds the next-higher reason on top of all lower ones; the higher one must win.
        var permit = Active() with { ShipmentsUsed = 1 };
        var afterExpiry = ValidUntil.AddDays(1);
        Assert.Equal(VerificationReason.Expired, VerificationRules.ReasonFor(permit, afterExpiry));
        Assert.Equal(VerificationReason.NotYetValid, VerificationRules.ReasonFor(permit, ValidFrom.AddDays(-1)));

        permit = permit with { IssuerStatus = AuthorityStatus.Suspended };
        Assert.Equal(VerificationReason.IssuerSuspended, VerificationRules.ReasonFor(permit, afterExpiry));
        Assert.Equal(VerificationReason.IssuerSuspended, VerificationRules.ReasonFor(permit with { IssuerStatus = AuthorityStatus.None }, afterExpiry));

        permit = permit with { CancelReason = CancelReason.Fraud };
        Assert.Equal(VerificationReason.Cancelled, VerificationRules.ReasonFor(permit, afterExpiry));

        permit = permit with { CancelReason = CancelReason.Replaced, Replacement = OtherKey };
        Assert.Equal(VerificationReason.Replaced, VerificationRules.ReasonFor(permit, afterExpiry));
    }

    [Theory]
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
