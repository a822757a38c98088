using Ledger.Core.Authorities;

namespace Ledger.Core.Verification;

/// <summary>
/// How a verification answer follows from the anchored facts and the time. This mirrors
/// the contracts' <c>verify</c> view so the gateway can re-evaluate a cached record at a
/// later moment (expiry depends on the clock) and get the answer the chain would give.
/// </summary>
public static class VerificationRules
{
    /// <summary>
    /// The reason, checked in the contracts' order: Unknown; Replaced or Cancelled;
    /// IssuerSuspended (issuer not active); NotYetValid; Expired; Exhausted; else None.
    /// A closed permit stays closed whatever the time; a permit that cannot be used anyway
    /// is not called exhausted.
    /// </summary>
    public static VerificationReason ReasonFor(AnchoredPermit? permit, DateTimeOffset now)
    {
        if (permit is null)
            return VerificationReason.Unknown;
        if (permit.Replacement is not null)
            return VerificationReason.Replaced;
        if (permit.CancelReason is not null)
            return VerificationReason.Cancelled;
        if (permit.IssuerStatus != AuthorityStatus.Active)
            return VerificationReason.IssuerSuspended;
        if (permit.Validity.IsNotYetValidAt(now))
            return VerificationReason.NotYetValid;
        if (permit.Validity.IsExpiredAt(now))
            return VerificationReason.Expired;
        return permit.IsExhausted ? VerificationReason.Exhausted : VerificationReason.None;
    }

    /// <summary>
    /// The EPIX status a reason implies: None is VALID, Cancelled and Replaced are
    /// CANCELLED, everything else is NOT_AVAILABLE.
    /// </summary>
    public static VerificationStatus StatusOf(VerificationReason reason) => reason switch
    {
        VerificationReason.None => VerificationStatus.Valid,
        VerificationReason.Cancelled or VerificationReason.Replaced => VerificationStatus.Cancelled,
        _ => VerificationStatus.NotAvailable,
    };
}
