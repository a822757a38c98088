namespace Ledger.Core.Authorities;

/// <summary>
/// Whether an authority account may act. The numbers are the contracts' <c>uint8</c>
/// values; never renumber.
/// </summary>
public enum AuthorityStatus : byte
{
    /// <summary>Not registered.</summary>
    None = 0,

    /// <summary>May act in its role.</summary>
    Active = 1,

    /// <summary>
    /// Temporarily barred, e.g. after a key compromise; its permits verify as NOT_AVAILABLE
    /// until it is reinstated.
    /// </summary>
    Suspended = 2,
}
