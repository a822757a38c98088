namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>AuthorityStatus</c>: whether an authority may act.</summary>
public enum AuthorityStatus : byte
{
    /// <summary>Unknown account.</summary>
    None = 0,

    /// <summary>May act.</summary>
    Active = 1,

    /// <summary>Suspended: refused by every authorisation check.</summary>
    Suspended = 2,
}
