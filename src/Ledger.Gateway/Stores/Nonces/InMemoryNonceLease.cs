using Ledger.Contracts.Ethereum;
using System.Collections.Concurrent;

namespace Ledger.Gateway.Stores;

/// <summary>Nonce leases within this process: one semaphore per account (a gateway signs for few accounts).</summary>
public sealed class InMemoryNonceLease : INonceLease
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(NonceLeaseArguments.CheckAccount(account), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(NonceLeaseArguments.CheckWait(wait), cancellationToken).ConfigureAwait(false))
            return null;
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
