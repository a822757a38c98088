using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Nonces of one account kept in this process: read once from the node
/// (eth_getTransactionCount at "pending", so a restarted sender continues after transactions
/// still waiting in the pool), then counted locally. Leases are serialised by an async lock.
/// </summary>
public sealed class LocalNonceSource : INonceSource
{
    private readonly IRpcClient _rpc;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ulong? _next;

    /// <summary>Creates the source for <paramref name="account"/>, reading its nonce through <paramref name="rpc"/>.</summary>
    public LocalNonceSource(IRpcClient rpc, Address account)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        Account = account;
    }

    /// <summary>The account whose nonces this source hands out.</summary>
    public Address Account { get; }

    /// <inheritdoc />
    public async Task<INonceLease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _next ??= await ReadPendingCountAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this, _next.Value);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        // Under the lock, so an open lease cannot overwrite the reset when it finishes.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _next = null;
        _gate.Release();
    }

    /// <inheritdoc />
    public override string ToString() => $"LocalNonceSource {{ Account = {Account}, Next = {_next?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unread"} }}";

    private Task<ulong> ReadPendingCountAsync(CancellationToken cancellationToken) =>
        _rpc.GetTransactionCountAsync(Account, BlockTag.Pending, cancellationToken);

    private sealed class Lease(LocalNonceSource owner, ulong nonce) : INonceLease
    {
        private int _released;

        public ulong Nonce { get; private set; } = nonce;

        public void MarkUsed()
        {
            ThrowIfReleased();
            owner._next = Nonce + 1;
        }

        public async Task SkipTakenNonceAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfReleased();
            var pending = await owner.ReadPendingCountAsync(cancellationToken).ConfigureAwait(false);
            // A node behind a failover pool may not have seen our own pending transactions yet,
            // so its count alone could hand out a nonce that is in use: never go back.
            Nonce = Math.Max(pending, Nonce + 1);
            owner._next = Nonce;
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner._gate.Release();
            return ValueTask.CompletedTask;
        }

        private void ThrowIfReleased() =>
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) == 1, this);
    }
}
