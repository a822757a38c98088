namespace Ledger.Gateway.Stores;

/// <summary>
/// Exclusive use of an account's transaction nonces, so that gateway replicas sharing an
/// authority key do not send two transactions with the same nonce. Hold the lease from
/// reading the nonce until the transaction is sent, then dispose it.
/// </summary>
public interface INonceLease
{
    /// <summary>Waits up to <paramref name="wait"/> for the lease; null when another holder kept it that long.</summary>
    /// <param name="account">The account address, "0x" + 40 hex digits.</param>
    /// <param name="wait">How long to wait at most (zero: try once).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A handle that releases the lease when disposed, or null.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default);
}
