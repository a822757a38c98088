namespace Ledger.Contracts.Tests.Ethereum.Fakes;

/// <summary>
/// An in-memory <see cref="INonceLease"/> for one account that records every acquire and
/// release, and refuses a second holder (a process never contends with itself for the lease).
/// What a release leaves is what the next acquire hands over, as the stores do within their
/// recount interval; <see cref="Stored"/> can be set to play another replica's handover.
/// </summary>
internal sealed class FakeNonceLease : INonceLease
{
    private readonly List<NonceHandover?> _releases = [];
    private int _held;

    /// <summary>What the next acquire hands over.</summary>
    public NonceHandover? Stored { get; set; }

    /// <summary>How many times the lease was taken.</summary>
    public int Acquires { get; private set; }

    /// <summary>Whether a holder has it now.</summary>
    public bool Held => Volatile.Read(ref _held) == 1;

    /// <summary>Each release's handover, in order.</summary>
    public IReadOnlyList<NonceHandover?> Releases
    {
        get
        {
            lock (_releases)
                return [.. _releases];
        }
    }

    public Task<INonceLeaseHandle?> TryAcquireAsync(string account, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _held, 1) == 1)
            throw new InvalidOperationException("The lease was asked for while this process already held it.");
        Acquires++;
        return Task.FromResult<INonceLeaseHandle?>(new Handle(this, Stored));
    }

    private void Release(NonceHandover? handover)
    {
        lock (_releases)
            _releases.Add(handover);
        Stored = handover;
        if (Interlocked.Exchange(ref _held, 0) == 0)
            throw new InvalidOperationException("The lease was released twice.");
    }

    private sealed class Handle(FakeNonceLease owner, NonceHandover? handover) : INonceLeaseHandle
    {
        private int _released;

        public NonceHandover? Handover { get; } = handover;

        public ValueTask ReleaseAsync(NonceHandover? next)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Release(next);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ReleaseAsync(null);
    }
}
