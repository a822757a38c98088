using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>The receipt of a mined transaction (eth_getTransactionReceipt).</summary>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="TransactionIndex">Its position in the block.</param>
/// <param name="BlockHash">The block that holds it.</param>
/// <param name="BlockNumber">That block's number.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient; null for a contract creation.</param>
/// <param name="Status">1 when execution succeeded, 0 when it reverted.</param>
/// <param name="GasUsed">Gas used by this transaction.</param>
/// <param name="CumulativeGasUsed">Gas used in the block up to and including this transaction.</param>
/// <param name="EffectiveGasPrice">Price per gas actually paid; null if the node does not report it.</param>
/// <param name="ContractAddress">The created contract's address; null unless a creation.</param>
/// <param name="Logs">The logs the transaction emitted.</param>
public sealed record TransactionReceipt(
    Hash32 TransactionHash,
    ulong TransactionIndex,
    Hash32 BlockHash,
    ulong BlockNumber,
    Address From,
    Address? To,
    ulong Status,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    BigInteger? EffectiveGasPrice,
    Address? ContractAddress,
    IReadOnlyList<LogEntry> Logs)
{
    /// <summary>True when execution succeeded (status 1).</summary>
    public bool Succeeded => Status == 1;
}
