using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Verification;
using static Ledger.Core.Tests.Verification.AnchoredPermits;

namespace Ledger.Core.Tests.Verification;

public class PermitVerificationTests
{
    [Fact]
    public void Evaluate_reports_status_reason_and_the_anchored_facts()
    {
        var permit = Active();
        var verification = PermitVerification.Evaluate(Id, permit, During);

        Assert.Equal(VerificationStatus.Valid, verification.Status);
        Assert.Equal(VerificationReason.None, verification.Reason);
        Assert.Equal(Id.Key, verification.Key);
        Assert.Same(permit, verification.Permit);
        Assert.Null(verification.DocumentMatches);
        Assert.Equal(During, verification.CheckedAt);
        Assert.Equal([(UInt128)5, 6], verification.Permit!.Lines.Select(l => l.Remaining));
    }

    [Fact]
    public void A_presented_hash_is_compared_with_the_anchored_one()
    {
        Assert.True(PermitVerification.Evaluate(Id, Active(), During, Hash).DocumentMatches);
        Assert.False(PermitVerification.Evaluate(Id, Active(), During, DocumentHash.Compute("<forged/>"u8)).DocumentMatches);
        Assert.Null(PermitVerification.Evaluate(Id, null, During, Hash).DocumentMatches);
    }

    [Fact]
    public void An_unknown_permit_is_not_available_without_facts()
    {
        var verification = PermitVerification.Evaluate(Id, null, During);
        Assert.Equal(VerificationStatus.NotAvailable, verification.Status);
        Assert.Equal(VerificationReason.Unknown, verification.Reason);
        Assert.Null(verification.Permit);
    }

    [Fact]
    public void Contradictory_answers_cannot_be_built()
    {
        var otherKey = PermitId.Parse("CH/2026/9").Key;
        Assert.Throws<ArgumentException>(() => new PermitVerification(otherKey, Id, VerificationReason.None, Active(), null, During));
        Assert.Throws<ArgumentException>(() => new PermitVerification(Id.Key, Id, VerificationReason.Unknown, Active(), null, During));
        Assert.Throws<ArgumentException>(() => new PermitVerification(Id.Key, Id, VerificationReason.None, null, null, During));
        Assert.Throws<ArgumentException>(() => new PermitVerification(Id.Key, Id, VerificationReason.Unknown, null, true, During));
    }
}
