namespace Ledger.Core.Verification;

/// <summary>
/// Why a permit has its <see cref="VerificationStatus"/>. The numbers are the contracts'
/// <c>uint8</c> values; never renumber. The reason determines the status (see
/// <see cref="VerificationRules.StatusOf"/>).
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
}
