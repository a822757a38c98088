using Ledger.Core.Authorities;
using Ledger.Core.Permits;

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
    /// is not called exhausted. Before all of them but Unknown: IssuerNotOfPermitCountry,
    /// which the contracts cannot see (they accept any active issuer for any number).
    /// </summary>
    /// <param name="id">The permit asked about: its number names the country that alone may issue it.</param>
    /// <param name="permit">Its anchored facts, or null when nothing is registered under its key.</param>
    /// <param name="now">The moment to evaluate at.</param>
    public static VerificationReason ReasonFor(PermitId id, AnchoredPermit? permit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (permit is null)
            return VerificationReason.Unknown;
        // Another country's authority squatting this number: what it registered is not the
        // permit, so its cancellation, expiry or validity says nothing about the real one.
        if (permit.IssuerCountry != id.Country)
            return VerificationReason.IssuerNotOfPermitCountry;
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
    /// CANCELLED, everything else (IssuerNotOfPermitCountry too) is NOT_AVAILABLE.
    /// </summary>
    public static VerificationStatus StatusOf(VerificationReason reason) => reason switch
    {
        VerificationReason.None => VerificationStatus.Valid,
        VerificationReason.Cancelled or VerificationReason.Replaced => VerificationStatus.Cancelled,
        _ => VerificationStatus.NotAvailable,
    };
}
