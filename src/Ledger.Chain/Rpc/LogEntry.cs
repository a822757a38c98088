using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>One event log, from a receipt or from eth_getLogs.</summary>
/// <param name="Address">The contract that emitted it.</param>
/// <param name="Topics">Indexed topics; topic 0 is the event signature hash for non-anonymous events.</param>
/// <param name="Data">The non-indexed ABI-encoded data. Do not mutate: records share it.</param>
/// <param name="BlockNumber">Block that holds the transaction.</param>
/// <param name="BlockHash">Hash of that block.</param>
/// <param name="TransactionHash">The transaction that emitted it.</param>
/// <param name="TransactionIndex">Position of the transaction in the block.</param>
/// <param name="LogIndex">Position of the log in the block.</param>
/// <param name="Removed">True when a reorganisation removed the log (never on QBFT, possible elsewhere).</param>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<Hash32> Topics,
    byte[] Data,
    ulong BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"LogEntry {{ Address = {Address}, Topics = [{string.Join(", ", Topics)}], Data = {Data.Length} bytes, " +
        $"Block = {BlockNumber}, Tx = {TransactionHash}, LogIndex = {LogIndex}, Removed = {Removed} }}";
}
