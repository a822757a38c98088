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
/// <c>InMemoryNonceService</c> cannot). Serialised per account in this process; with an
/// <see cref="INonceLease"/> also across replicas, and then the pending count is read afresh
/// under the lease, since another replica may have sent in between.
/// </summary>
public sealed class AccountNonces
{
    private readonly IClient _client;
    private readonly INonceLease? _lease;
    private readonly TimeSpan _leaseWait;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ulong? _next;

    /// <summary>Nonces of <paramref name="account"/> as <paramref name="client"/>'s node counts them.</summary>
    /// <param name="client">The node (or <see cref="NodePool"/>).</param>
    /// <param name="account">The sending account.</param>
    /// <param name="lease">The lease shared with other replicas; null when this process is the only sender.</param>
    /// <param name="leaseWait">How long to wait for <paramref name="lease"/> before giving up.</param>
    public AccountNonces(IClient client, Address account, INonceLease? lease = null, TimeSpan? leaseWait = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Account = account;
        _lease = lease;
        _leaseWait = leaseWait ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The account whose nonces these are.</summary>
    public Address Account { get; }

    /// <summary>Waits until no other reservation is open (here and, with a lease, in other replicas) and reserves the next nonce.</summary>
    /// <exception cref="NonceLeaseUnavailableException">Another replica held the lease longer than the wait.</exception>
    public async Task<NonceReservation> ReserveAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? held = null;
        try
        {
            if (_lease is not null)
            {
                held = await _lease.TryAcquireAsync(Account.ToLowerHex(), _leaseWait, cancellationToken).ConfigureAwait(false)
                    ?? throw new NonceLeaseUnavailableException(Account.ToString(), _leaseWait);
                _next = null;
            }
            _next ??= await ReadPendingCountAsync().ConfigureAwait(false);
            return new NonceReservation(this, _next.Value, held);
        }
        catch
        {
            if (held is not null)
                await held.DisposeAsync().ConfigureAwait(false);
            _gate.Release();
            throw;
        }
    }

    /// <summary>Forgets the next nonce, so the next reservation reads it from the node again.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        // Under the lock, so an open reservation cannot overwrite the reset when it finishes.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _next = null;
        _gate.Release();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"AccountNonces {{ Account = {Account}, Next = {_next?.ToString(CultureInfo.InvariantCulture) ?? "unread"}, Shared = {_lease is not null} }}";

    internal void SetNext(ulong next) => _next = next;

    internal void Release() => _gate.Release();

    internal async Task<ulong> ReadPendingCountAsync() =>
        (ulong)(await new EthGetTransactionCount(_client).SendRequestAsync(Account.ToLowerHex(), BlockParameter.CreatePending()).ConfigureAwait(false)).Value;
}
