using System.Globalization;
using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// The nonces of one account, handed out one <see cref="NonceReservation"/> at a time so that
/// transactions signed concurrently never share a nonce and never leave a gap: a reservation
/// disposed without <see cref="NonceReservation.MarkUsed"/> gives its nonce back (Nethereum's
/// <c>InMemoryNonceService</c> cannot). Serialised per account in this process by a local gate,
/// so the process never contends with itself for the shared lease; with an
/// <see cref="INonceLease"/> also across replicas. The next nonce travels with the lease
/// (<see cref="NonceHandover"/>), so the node is counted only when the lease does not vouch for
/// it (first use, after a failure, when the count grew old); and while sends of this process
/// queue behind the gate, the lease is passed straight to the next one instead of going back to
/// the store, up to a hold limit that lets other replicas have their turn.
/// </summary>
public sealed class AccountNonces
{
    /// <summary>Longest a process keeps the shared lease for its own queue before it lets other replicas in.</summary>
    public static readonly TimeSpan DefaultLeaseHold = TimeSpan.FromMilliseconds(250);

    private readonly IClient _client;
    private readonly INonceLease? _lease;
    private readonly TimeSpan _leaseWait;
    private readonly TimeSpan _leaseHold;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;
    private int _recountRequested;

    // Guarded by _gate.
    private ulong? _next;
    private DateTimeOffset _countedAt;
    private INonceLeaseHandle? _held;
    private long _heldSince;

    /// <summary>Nonces of <paramref name="account"/> as <paramref name="client"/>'s node counts them.</summary>
    /// <param name="client">The node (or <see cref="NodePool"/>).</param>
    /// <param name="account">The sending account.</param>
    /// <param name="lease">The lease shared with other replicas; null when this process is the only sender.</param>
    /// <param name="leaseWait">How long to wait for <paramref name="lease"/> before giving up.</param>
    /// <param name="leaseHold">Longest the lease is kept for this process's queued sends (default <see cref="DefaultLeaseHold"/>; zero: released after every send).</param>
    /// <param name="timeProvider">The clock for the hold limit and the handover's count time.</param>
    public AccountNonces(IClient client, Address account, INonceLease? lease = null, TimeSpan? leaseWait = null, TimeSpan? leaseHold = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Account = account;
        _lease = lease;
        _leaseWait = leaseWait ?? TimeSpan.FromSeconds(30);
        _leaseHold = leaseHold ?? DefaultLeaseHold;
        if (_leaseHold < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(leaseHold), _leaseHold, "A hold limit is zero or more.");
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The account whose nonces these are.</summary>
    public Address Account { get; }

    /// <summary>Waits until no other reservation is open (here and, with a lease, in other replicas) and reserves the next nonce.</summary>
    /// <exception cref="NonceLeaseUnavailableException">Another replica held the lease longer than the wait.</exception>
    public async Task<NonceReservation> ReserveAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (GivingUp is { } givingUp)
                await givingUp().ConfigureAwait(false);
            Interlocked.Decrement(ref _waiting);
            // The holder may have kept the lease for this waiter: nobody else would release it.
            await ReleaseIdleLeaseAsync().ConfigureAwait(false);
            throw;
        }
        Interlocked.Decrement(ref _waiting);
        var recount = Interlocked.Exchange(ref _recountRequested, 0) == 1;
        try
        {
            if (_lease is not null && _held is null)
            {
                _held = await _lease.TryAcquireAsync(Account.ToLowerHex(), _leaseWait, cancellationToken).ConfigureAwait(false)
                    ?? throw new NonceLeaseUnavailableException(Account.ToString(), _leaseWait);
                _heldSince = _time.GetTimestamp();
                // Another replica may have sent since this process last held the lease: only the handover counts.
                _next = _held.Handover?.Next;
                _countedAt = _held.Handover?.CountedAt ?? default;
            }
            // After the handover: a failure this process saw outranks what the lease carried.
            if (_next is null || recount)
            {
                _next = await ReadPendingCountAsync().ConfigureAwait(false);
                _countedAt = _time.GetUtcNow();
            }
            return new NonceReservation(this, _next.Value);
        }
        catch
        {
            // The count the recount asked for was not read (e.g. the node is still away): it is still owed.
            if (recount)
                RequestRecount();
            await EndAsync(used: false).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Forgets the next nonce, so the next reservation reads it from the node again; a shared
    /// lease kept for queued sends goes back to the store without a handover, so the other
    /// replicas count too, and the queued send takes it anew.
    /// </summary>
    /// <remarks>
    /// Releasing that lease goes to the store, so the reset can fail with whatever the lease's
    /// release throws (as every release here can; none swallows it). The nonce is forgotten and
    /// the lease let go of before the release is tried, so the reset has taken effect anyway and
    /// the store's lease expiry frees a lease whose release failed.
    /// </remarks>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        // Under the lock, so an open reservation cannot overwrite the reset when it finishes.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _next = null;
            // No reservation is open while the reset holds the gate, so a held lease is one kept
            // for a queued send that may give up meanwhile: its own release attempt would find the
            // gate taken, and the lease would stay held until the store expired it.
            if (_held is { } held)
            {
                _held = null;
                await held.ReleaseAsync(null).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Asks the next reservation to count at the node instead of trusting the nonce carried on:
    /// for a failure outside the reservation (a receipt that never came, a node that went away)
    /// that may mean the node lost transactions the carried nonce counts.
    /// </summary>
    public void RequestRecount() => Interlocked.Exchange(ref _recountRequested, 1);

    /// <inheritdoc />
    public override string ToString() =>
        $"AccountNonces {{ Account = {Account}, Next = {_next?.ToString(CultureInfo.InvariantCulture) ?? "unread"}, Shared = {_lease is not null} }}";

    /// <summary>
    /// Test seam: awaited when a queued send gives up, before it stops counting as queued, so a
    /// test can end the holder's reservation in between (a race it cannot otherwise force).
    /// </summary>
    internal Func<Task>? GivingUp { get; init; }

    internal void SetNext(ulong next) => _next = next;

    internal void SetCounted(ulong next)
    {
        _next = next;
        _countedAt = _time.GetUtcNow();
    }

    /// <summary>
    /// Ends the open reservation: after a used nonce the lease passes to a queued send of this
    /// process (within the hold limit) or goes back to the store with the next nonce; after a
    /// failure it goes back without one, so whoever sends next counts at the node.
    /// </summary>
    internal async ValueTask EndAsync(bool used)
    {
        try
        {
            if (!used && _lease is not null)
                _next = null;
            if (_held is { } held && !(used && Volatile.Read(ref _waiting) > 0 && _time.GetElapsedTime(_heldSince) < _leaseHold))
            {
                _held = null;
                await held.ReleaseAsync(used && _next is { } next ? new NonceHandover(next, _countedAt) : null).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
        // A waiter counted above may have given up since: release what was kept for it.
        await ReleaseIdleLeaseAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Releases a lease kept for queued sends that have all given up. Called by each waiter that
    /// gives up and by each holder after it lets go of the gate; whoever holds the gate at that
    /// moment is covered because it calls this too after letting go.
    /// </summary>
    private async Task ReleaseIdleLeaseAsync()
    {
        while (_lease is not null && Volatile.Read(ref _waiting) == 0 && _gate.Wait(0))
        {
            if (_held is not { } held)
            {
                _gate.Release();
                return;
            }
            if (Volatile.Read(ref _waiting) == 0)
            {
                _held = null;
                try
                {
                    await held.ReleaseAsync(_next is { } next ? new NonceHandover(next, _countedAt) : null).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }
                return;
            }
            // A send queued while this held the gate; the loop looks again in case it gave up
            // meanwhile, when its own attempt found the gate taken.
            _gate.Release();
        }
    }

    internal async Task<ulong> ReadPendingCountAsync() =>
        (ulong)(await new EthGetTransactionCount(_client).SendRequestAsync(Account.ToLowerHex(), BlockParameter.CreatePending()).ConfigureAwait(false)).Value;
}
