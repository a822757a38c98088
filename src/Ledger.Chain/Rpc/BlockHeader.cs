using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>The header fields of a block that the ledger uses (from eth_getBlockByNumber).</summary>
/// <param name="Number">Block number.</param>
/// <param name="Hash">Block hash.</param>
/// <param name="ParentHash">Hash of the parent block.</param>
/// <param name="Timestamp">Seconds since the Unix epoch, as sealed by the validator.</param>
/// <param name="GasLimit">The block's gas limit.</param>
/// <param name="GasUsed">Gas used by the block's transactions.</param>
/// <param name="BaseFeePerGas">EIP-1559 base fee; null on chains without London.</param>
public sealed record BlockHeader(
    ulong Number,
    Hash32 Hash,
    Hash32 ParentHash,
    ulong Timestamp,
    ulong GasLimit,
    ulong GasUsed,
    BigInteger? BaseFeePerGas)
{
    /// <summary>The block time as a UTC instant.</summary>
    public DateTimeOffset TimestampUtc => DateTimeOffset.FromUnixTimeSeconds(checked((long)Timestamp));
}
