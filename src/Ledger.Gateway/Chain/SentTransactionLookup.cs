using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Nethereum.Web3;

namespace Ledger.Gateway.Chain;

/// <summary>What became of a transaction an earlier attempt of a write sent.</summary>
internal enum SentTransactionState
{
    /// <summary>Mined, successful and confirmed: the write took effect.</summary>
    Mined,

    /// <summary>Mined but reverted: the write took no effect.</summary>
    Reverted,

    /// <summary>The node holds it, not yet mined (or not yet confirmed).</summary>
    Pending,

    /// <summary>The node knows nothing of it: dropped, so it will not take effect unless sent again.</summary>
    Unknown,
}

/// <summary>
/// Looks a sent transaction up by hash (receipt first, then the pending pool), so that a retry
/// after a receipt timeout answers with the first attempt's result instead of sending again.
/// </summary>
internal sealed class SentTransactionLookup(LedgerChain chain, LedgerWriter writer)
{
    /// <summary>The state of <paramref name="transactionHash"/>, and for <see cref="SentTransactionState.Mined"/> its result.</summary>
    public async Task<(SentTransactionState State, ChainWriteResult? Result)> LookUpAsync(string transactionHash, CancellationToken ct)
    {
        var hash = Bytes32.Parse(transactionHash);
        ct.ThrowIfCancellationRequested();
        var eth = new Web3(chain.Rpc).Eth;
        var receipt = await eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToString()).ConfigureAwait(false);
        if (receipt is null)
        {
            var pending = await eth.Transactions.GetTransactionByHash.SendRequestAsync(hash.ToString()).ConfigureAwait(false);
            return (pending is null ? SentTransactionState.Unknown : SentTransactionState.Pending, null);
        }
        if (receipt.Status?.Value != System.Numerics.BigInteger.One)
            return (SentTransactionState.Reverted, null);
        var blockNumber = (ulong)receipt.BlockNumber.Value;
        if (chain.Confirmations > 0 && await chain.GetBlockNumberAsync(ct).ConfigureAwait(false) < blockNumber + (ulong)chain.Confirmations)
            return (SentTransactionState.Pending, null);
        return (SentTransactionState.Mined, await writer.ResultOfAsync(new TransactionOutcome(hash, blockNumber, receipt), ct).ConfigureAwait(false));
    }
}
