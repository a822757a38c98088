namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Exclusive use of an account's transaction nonces across processes, so that gateway replicas
/// sharing an authority key never sign two transactions with the same nonce. The gateway's
/// store implements it (Redis, or memory while Redis is down); <see cref="AccountNonces"/>
/// holds it from reading the nonce until the transaction is broadcast.
/// </summary>
public interface INonceLease
{
    /// <summary>Waits up to <paramref name="wait"/> for the lease; null when another holder kept it that long.</summary>
    /// <param name="account">The account address, "0x" + 40 lower-case hex digits.</param>
    /// <param name="wait">How long to wait at most (zero: try once).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A handle that releases the lease when disposed, or null.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default);
}
