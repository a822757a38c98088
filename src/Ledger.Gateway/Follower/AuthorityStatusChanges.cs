using System.Collections.Concurrent;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Follower;

/// <summary>
/// The last block at which each authority's status changed, as the follower saw it. A
/// suspended or reinstated issuer changes the verification of every permit it issued, which
/// cannot be invalidated one by one; a cached answer older than the change is not used.
/// </summary>
internal sealed class AuthorityStatusChanges
{
    private readonly ConcurrentDictionary<Address, ulong> _lastChange = new();

    /// <summary>Records a change of <paramref name="account"/>'s status in <paramref name="block"/>.</summary>
    public void Record(Address account, ulong block) =>
        _lastChange.AddOrUpdate(account, block, (_, known) => Math.Max(known, block));

    /// <summary>True when <paramref name="account"/>'s status changed after <paramref name="block"/>.</summary>
    public bool ChangedAfter(Address account, ulong block) =>
        _lastChange.TryGetValue(account, out var changed) && changed > block;
}
