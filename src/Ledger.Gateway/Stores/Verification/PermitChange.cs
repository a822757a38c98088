namespace Ledger.Gateway.Stores;

/// <summary>A permit whose verification changed, and the block of that change (what an invalidation carries).</summary>
/// <param name="PermitKey">"0x" + 64 hex digits.</param>
/// <param name="Block">
/// The block at which the permit changed, or any later block (a later one only refuses more
/// cache writes than needed; an earlier one would let a stale answer in).
/// </param>
public readonly record struct PermitChange(string PermitKey, ulong Block);
