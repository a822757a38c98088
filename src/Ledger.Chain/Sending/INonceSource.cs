namespace Ledger.Chain.Sending;

/// <summary>
/// Hands out the nonces of one account, one lease at a time, so that transactions signed
/// concurrently never share a nonce and never leave a gap. The default is
/// <see cref="LocalNonceSource"/> (one process); gateways with several replicas sharing a key
/// can plug in a coordinated source (e.g. a Redis lock and counter).
/// </summary>
public interface INonceSource
{
    /// <summary>
    /// Waits until no other lease is open and returns one holding the next free nonce. The
    /// nonce counts as used only after <see cref="INonceLease.MarkUsed"/>; disposing the lease
    /// without it leaves the nonce to the next lease.
    /// </summary>
    Task<INonceLease> AcquireAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets what is known about the account, so the next lease reads its nonce from the chain again.</summary>
    Task ResetAsync(CancellationToken cancellationToken = default);
}
