namespace Ledger.Core.Verification;

/// <summary>
/// The permit status exchanged between Parties (CITES EPIX): the only three a verifying
/// authority ever sees. The numbers are the contracts' <c>uint8</c> values; the wire names
/// are VALID, CANCELLED and NOT_AVAILABLE (see <see cref="VerificationTexts"/>).
/// </summary>
public enum VerificationStatus : byte
{
    /// <summary>Any state other than valid or cancelled: unknown, expired, not yet valid, used up, issuer suspended.</summary>
    NotAvailable = 0,

    /// <summary>The permit may be used now.</summary>
    Valid = 1,

    /// <summary>The issuing authority cancelled the permit, possibly replacing it.</summary>
    Cancelled = 2,
}
