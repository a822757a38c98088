using Ledger.Contracts.Ethereum;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Nonce leases within this process: one semaphore per account (a gateway signs for few
/// accounts), which hands the lease to the next waiter directly, and the handover the last
/// holder left beside it.
/// </summary>
public sealed class InMemoryNonceLease(IOptions<StoreOptions>? options = null, TimeProvider? timeProvider = null) : INonceLease
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly NonceHandoverPolicy _policy = new(options ?? Options.Create(new StoreOptions()), timeProvider ?? TimeProvider.System);

    /// <inheritdoc />
    public async Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var slot = _slots.GetOrAdd(NonceLeaseArguments.CheckAccount(account), _ => new Slot());
        if (!await slot.Gate.WaitAsync(NonceLeaseArguments.CheckWait(wait), cancellationToken).ConfigureAwait(false))
            return null;
        // Taken, not read: a holder that never releases leaves nothing to trust behind it.
        var left = Interlocked.Exchange(ref slot.Handover, null);
        return new Handle(slot, _policy.Trusted(left, DateTimeOffset.MinValue));
    }

    private sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public NonceHandover? Handover;
    }

    private sealed class Handle(Slot slot, NonceHandover? handover) : INonceLeaseHandle
    {
        private int _released;

        public NonceHandover? Handover { get; } = handover;

        public ValueTask ReleaseAsync(NonceHandover? next)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Volatile.Write(ref slot.Handover, next);
                slot.Gate.Release();
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ReleaseAsync(null);
    }
}
