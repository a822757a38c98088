namespace Ledger.Core.Verification;

/// <summary>
/// Why a permit has its <see cref="VerificationStatus"/>. The numbers are the contracts'
/// <c>uint8</c> values; never renumber. The reason determines the status (see
/// <see cref="VerificationRules.StatusOf"/>). <see cref="IssuerNotOfPermitCountry"/> is the
/// one reason the contracts do not give yet: Core judges it (its number is reserved for it in
/// the contracts' numbering too).
/// </summary>
public enum VerificationReason : byte
{
    /// <summary>Nothing stands in the way: the permit is valid.</summary>
    None = 0,

    /// <summary>No permit with this key was ever registered.</summary>
    Unknown = 1,

    /// <summary>The validity window has ended.</summary>
    Expired = 2,

    /// <summary>The validity window has not begun.</summary>
    NotYetValid = 3,

    /// <summary>Every shipment or every quantity has been used.</summary>
    Exhausted = 4,

    /// <summary>Cancelled and replaced by another permit.</summary>
    Replaced = 5,

    /// <summary>The issuing authority is not active on the ledger.</summary>
    IssuerSuspended = 6,

    /// <summary>Cancelled by the issuing authority.</summary>
    Cancelled = 7,

    /// <summary>
    /// Registered by an authority of another country than the one the permit number names: not
    /// the genuine permit, whatever its state. The contracts key a permit by its number's hash
    /// and accept any active issuer, so only a verifier can tell (see <see cref="VerificationRules.ReasonFor"/>).
    /// </summary>
    IssuerNotOfPermitCountry = 8,
}
