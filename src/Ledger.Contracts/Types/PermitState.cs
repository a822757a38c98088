namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>PermitState</c>: the lifecycle state stored per permit.</summary>
public enum PermitState : byte
{
    /// <summary>Never registered.</summary>
    None = 0,

    /// <summary>Registered and not closed.</summary>
    Active = 1,

    /// <summary>Cancelled by its issuer.</summary>
    Cancelled = 2,

    /// <summary>Cancelled and replaced.</summary>
    Replaced = 3,
}
