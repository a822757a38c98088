using Ledger.Core.Primitives;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts;

/// <summary>Where an event was emitted: contract, block, transaction and position in the block.</summary>
/// <param name="Contract">The emitting contract.</param>
/// <param name="BlockNumber">The block.</param>
/// <param name="BlockHash">The block's hash.</param>
/// <param name="TransactionHash">The transaction that emitted it.</param>
/// <param name="LogIndex">Its index among the block's logs.</param>
public sealed record LogPosition(Address Contract, ulong BlockNumber, Bytes32 BlockHash, Bytes32 TransactionHash, ulong LogIndex)
{
    /// <summary>The position of a log as Nethereum reads it from a receipt or eth_getLogs.</summary>
    /// <exception cref="FormatException">A pending log (no block yet) or a malformed one.</exception>
    public static LogPosition Of(FilterLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.BlockNumber is null || log.BlockHash is null || log.TransactionHash is null || log.LogIndex is null)
            throw new FormatException("The log has no block yet (pending); only mined logs have a position.");
        return new LogPosition(Address.Parse(log.Address.ToLowerInvariant()), (ulong)log.BlockNumber.Value, Bytes32.Parse(log.BlockHash),
            Bytes32.Parse(log.TransactionHash), (ulong)log.LogIndex.Value);
    }
}
