namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>VerificationStatus</c>: the status Parties exchange (CITES EPIX).</summary>
public enum VerificationStatus : byte
{
    /// <summary>NOT_AVAILABLE: unknown, expired, not yet valid, exhausted or issuer suspended.</summary>
    NotAvailable = 0,

    /// <summary>VALID: usable for a new shipment now.</summary>
    Valid = 1,

    /// <summary>CANCELLED: cancelled or replaced by its issuer.</summary>
    Cancelled = 2,
}
