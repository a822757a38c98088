namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Exclusive use of an account's transaction nonces across processes, so that gateway replicas
/// sharing an authority key never sign two transactions with the same nonce. The gateway's
/// store implements it (Redis, or memory while Redis is down); <see cref="AccountNonces"/>
/// holds it from choosing the nonce until the transaction is broadcast, and hands the next
/// nonce over to the next holder through it, so that the node is not asked for every send.
/// </summary>
public interface INonceLease
{
    /// <summary>Waits up to <paramref name="wait"/> for the lease; null when another holder kept it that long.</summary>
    /// <param name="account">The account address, "0x" + 40 lower-case hex digits.</param>
    /// <param name="wait">How long to wait at most (zero: try once).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lease, or null.</returns>
    Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default);
}

/// <summary>A held <see cref="INonceLease"/>. Disposing it releases it without a handover.</summary>
public interface INonceLeaseHandle : IAsyncDisposable
{
    /// <summary>
    /// The next nonce as the previous holder handed it over, if the lease still trusts it;
    /// null when the holder must count the account's pending transactions at the node (first
    /// use, the previous holder failed or died, the handover is older than the store's recount
    /// interval, the store was down since).
    /// </summary>
    NonceHandover? Handover { get; }

    /// <summary>Releases the lease and leaves <paramref name="handover"/> for the next holder (null: the next holder counts at the node).</summary>
    ValueTask ReleaseAsync(NonceHandover? handover);
}

/// <summary>The next nonce of an account, passed from one lease holder to the next.</summary>
/// <param name="Next">The nonce the next transaction signs with.</param>
/// <param name="CountedAt">When the node last counted the account's transactions, from which <paramref name="Next"/> was carried on.</param>
public sealed record NonceHandover(ulong Next, DateTimeOffset CountedAt);
