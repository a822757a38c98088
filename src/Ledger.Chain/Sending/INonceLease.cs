namespace Ledger.Chain.Sending;

/// <summary>
/// Exclusive use of an account's next nonce while one transaction is signed and broadcast.
/// Dispose it (always) to let the next transaction go.
/// </summary>
public interface INonceLease : IAsyncDisposable
{
    /// <summary>The nonce to sign with.</summary>
    ulong Nonce { get; }

    /// <summary>The node accepted a transaction with <see cref="Nonce"/>: the next lease gets the one after.</summary>
    void MarkUsed();

    /// <summary>
    /// The node says <see cref="Nonce"/> is already taken (by a transaction this lease did not
    /// sign): moves <see cref="Nonce"/> to the account's pending transaction count, and at least
    /// one past the taken nonce.
    /// </summary>
    Task SkipTakenNonceAsync(CancellationToken cancellationToken = default);
}
