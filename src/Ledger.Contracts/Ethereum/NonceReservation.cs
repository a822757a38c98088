namespace Ledger.Contracts.Ethereum;

/// <summary>
/// One transaction's hold on its account's next nonce, from <see cref="AccountNonces.ReserveAsync"/>.
/// Dispose it (always) to let the next transaction go: without <see cref="MarkUsed"/> the nonce
/// goes back, so a send the node refused leaves no gap.
/// </summary>
public sealed class NonceReservation : IAsyncDisposable
{
    private readonly AccountNonces _owner;
    private int _released;
    private bool _used;

    internal NonceReservation(AccountNonces owner, ulong nonce)
    {
        _owner = owner;
        Nonce = nonce;
    }

    /// <summary>The nonce to sign with.</summary>
    public ulong Nonce { get; private set; }

    /// <summary>The node accepted a transaction with <see cref="Nonce"/>: the next reservation gets the one after.</summary>
    public void MarkUsed()
    {
        ThrowIfReleased();
        _used = true;
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
        _owner.SetCounted(Nonce);
    }

    /// <summary>
    /// Releases the account for the next transaction; the replicas' lease, if one is held, goes
    /// to the next send of this process or back to the store (see <see cref="AccountNonces"/>).
    /// </summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _released, 1) == 0 ? _owner.EndAsync(_used) : ValueTask.CompletedTask;

    private void ThrowIfReleased() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) == 1, this);
}
