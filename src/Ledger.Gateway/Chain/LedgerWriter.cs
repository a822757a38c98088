using Ledger.Contracts.Ethereum;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Sends a contract call through the typed bindings from an authority's key and waits for it.
/// The sender estimates gas first, so a call that would revert sends nothing (no nonce used);
/// the bindings throw <see cref="ContractErrorException"/> with the typed custom error.
/// </summary>
internal sealed class LedgerWriter(LedgerChain chain)
{
    private readonly BlockTimes _blockTimes = new(chain);

    /// <summary>Makes <paramref name="call"/> on the PermitRegistry bound to <paramref name="sender"/>.</summary>
    public async Task<ChainWriteResult> SendPermitRegistryAsync(
        ITransactionSender sender, Func<PermitRegistryContract, Task<TransactionOutcome>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var outcome = await call(chain.PermitRegistryFor(sender)).ConfigureAwait(false);
        return await ResultOfAsync(outcome, ct).ConfigureAwait(false);
    }

    /// <summary>Makes <paramref name="call"/> on the AuthorityRegistry bound to <paramref name="sender"/>.</summary>
    public async Task<ChainWriteResult> SendAuthorityRegistryAsync(
        ITransactionSender sender, Func<AuthorityRegistryContract, Task<TransactionOutcome>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var outcome = await call(chain.AuthorityRegistryFor(sender)).ConfigureAwait(false);
        return await ResultOfAsync(outcome, ct).ConfigureAwait(false);
    }

    /// <summary>The result of a mined, successful transaction: its block time and the contracts' events, in log order.</summary>
    public async Task<ChainWriteResult> ResultOfAsync(TransactionOutcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var receipt = outcome.Receipt;
        var blockTime = await _blockTimes.OfAsync(outcome.BlockNumber, ct).ConfigureAwait(false);
        // A permit call may make the AuthorityRegistry emit too; keep log order across both.
        var events = chain.PermitRegistry.DecodeEvents(receipt)
            .Concat(chain.AuthorityRegistry.DecodeEvents(receipt))
            .OrderBy(e => e.Log.LogIndex)
            .ToList();
        return new ChainWriteResult(outcome, blockTime, events);
    }
}
