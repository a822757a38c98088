namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>VerificationReason</c>: why a permit has its verification status.</summary>
public enum VerificationReason : byte
{
    /// <summary>Valid.</summary>
    None = 0,

    /// <summary>Never registered.</summary>
    Unknown = 1,

    /// <summary>Now is at or after validUntil.</summary>
    Expired = 2,

    /// <summary>Now is before validFrom.</summary>
    NotYetValid = 3,

    /// <summary>Every shipment or every quantity used.</summary>
    Exhausted = 4,

    /// <summary>Cancelled and replaced by another permit.</summary>
    Replaced = 5,

    /// <summary>The issuing authority is suspended.</summary>
    IssuerSuspended = 6,

    /// <summary>Cancelled by its issuer.</summary>
    Cancelled = 7,
}
