using System.Collections.Concurrent;
using Ledger.Gateway.Identity;

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

/// <summary>Argument checks shared by the nonce lease implementations.</summary>
internal static class NonceLeaseArguments
{
    public static string CheckAccount(string account) =>
        AuthorityAddressText.TryNormalise(account, out var address)
            ? address
            : throw new ArgumentException("An account is 0x followed by 40 hex digits.", nameof(account));

    public static TimeSpan CheckWait(TimeSpan wait) =>
        wait >= TimeSpan.Zero && wait <= TimeSpan.FromMinutes(10)
            ? wait
            : throw new ArgumentOutOfRangeException(nameof(wait), wait, "Wait between zero and 10 minutes.");
}
