namespace Ledger.Contracts.Ethereum;

/// <summary>
/// One transaction's hold on its account's next nonce, from <see cref="AccountNonces.ReserveAsync"/>.
/// Dispose it (always) to let the next transaction go: without <see cref="MarkUsed"/> the nonce
/// goes back, so a send the node refused leaves no gap.
/// </summary>
public sealed class NonceReservation : IAsyncDisposable
{
    private readonly AccountNonces _owner;
    private readonly IAsyncDisposable? _externalLease;
    private int _released;

    internal NonceReservation(AccountNonces owner, ulong nonce, IAsyncDisposable? externalLease)
    {
        _owner = owner;
        Nonce = nonce;
        _externalLease = externalLease;
    }

    /// <summary>The nonce to sign with.</summary>
    public ulong Nonce { get; private set; }

    /// <summary>The node accepted a transaction with <see cref="Nonce"/>: the next reservation gets the one after.</summary>
    public void MarkUsed()
    {
        ThrowIfReleased();
        _owner.SetNext(Nonce + 1);
    }

    /// <summary>
    /// The node says <see cref="Nonce"/> is taken by a transaction this reservation did not sign:
    /// moves to the account's pending count, and at least one past the taken nonce.
    /// </summary>
    public async Task SkipTakenNonceAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReleased();
        var pending = await _owner.ReadPendingCountAsync().ConfigureAwait(false);
        // A node behind a failover pool may not have seen our own pending transactions yet,
        // so its count alone could hand out a nonce that is in use: never go back.
        Nonce = Math.Max(pending, Nonce + 1);
        _owner.SetNext(Nonce);
    }

    /// <summary>Releases the account for the next transaction (and the replicas' lease, if one is held).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
            return;
        _owner.Release();
        if (_externalLease is not null)
            await _externalLease.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfReleased() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) == 1, this);
}
