using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Core.Errors;
using StoreNonceLease = Ledger.Gateway.Stores.INonceLease;
using ChainNonceLease = Ledger.Chain.Sending.INonceLease;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Nonces for an authority key that several gateway replicas may share: each transaction
/// takes the store's lease on the account (Redis, or memory while Redis is down), and reads
/// the account's pending transaction count afresh under it, since another replica may have
/// sent in between. Within one process the local source still serialises senders.
/// </summary>
internal sealed class ReplicaNonceSource(IRpcClient rpc, Address account, StoreNonceLease leases, TimeSpan wait) : INonceSource
{
    private readonly LocalNonceSource _local = new(rpc, account);
    private readonly string _account = account.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public async Task<ChainNonceLease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        var held = await leases.TryAcquireAsync(_account, wait, cancellationToken).ConfigureAwait(false)
            ?? throw new LedgerException(LedgerError.Unavailable(
                $"another gateway has been sending for {account} for {wait.TotalSeconds:0} s; retry with the same request ID"));
        try
        {
            await _local.ResetAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(await _local.AcquireAsync(cancellationToken).ConfigureAwait(false), held);
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task ResetAsync(CancellationToken cancellationToken = default) => _local.ResetAsync(cancellationToken);

    private sealed class Lease(ChainNonceLease local, IAsyncDisposable held) : ChainNonceLease
    {
        public ulong Nonce => local.Nonce;

        public void MarkUsed() => local.MarkUsed();

        public Task SkipTakenNonceAsync(CancellationToken cancellationToken = default) => local.SkipTakenNonceAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await local.DisposeAsync().ConfigureAwait(false);
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }
}
