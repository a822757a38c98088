using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>
/// A transaction as the node knows it (eth_getTransactionByHash). A node that returns none
/// does not know the hash (never received, or dropped from its pool); one with no block is
/// still pending.
/// </summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient; null for a contract creation.</param>
/// <param name="Nonce">The sender's nonce used.</param>
/// <param name="Value">Wei transferred.</param>
/// <param name="Gas">The gas limit.</param>
/// <param name="Input">The call data. Do not mutate: records share it.</param>
/// <param name="BlockHash">The block that holds it; null while pending.</param>
/// <param name="BlockNumber">That block's number; null while pending.</param>
/// <param name="TransactionIndex">Its position in the block; null while pending.</param>
public sealed record TransactionInfo(
    Hash32 Hash,
    Address From,
    Address? To,
    ulong Nonce,
    BigInteger Value,
    ulong Gas,
    byte[] Input,
    Hash32? BlockHash,
    ulong? BlockNumber,
    ulong? TransactionIndex)
{
    /// <summary>True while the transaction waits in a pool, not yet in a block.</summary>
    public bool IsPending => BlockNumber is null;

    /// <inheritdoc />
    public override string ToString() =>
        $"TransactionInfo {{ Hash = {Hash}, From = {From}, To = {To?.ToString() ?? "(create)"}, Nonce = {Nonce}, " +
        $"Input = {Input.Length} bytes, Block = {BlockNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pending"} }}";
}
