namespace Ledger.Gateway.Stores;

/// <summary>The last block an event follower has fully processed, with its hash (to notice a different chain).</summary>
public sealed record BlockCheckpoint
{
    /// <summary>Creates a checkpoint.</summary>
    /// <param name="blockNumber">Block number.</param>
    /// <param name="blockHash">"0x" + 64 hex digits; normalised to lower case.</param>
    /// <exception cref="ArgumentException">The hash is malformed.</exception>
    public BlockCheckpoint(ulong blockNumber, string blockHash)
    {
        if (!Bytes32Text.TryNormalise(blockHash, out var hash))
            throw new ArgumentException("A block hash is 0x followed by 64 hex digits.", nameof(blockHash));
        BlockNumber = blockNumber;
        BlockHash = hash;
    }

    /// <summary>Block number.</summary>
    public ulong BlockNumber { get; }

    /// <summary>Block hash, "0x" + 64 lower-case hex digits.</summary>
    public string BlockHash { get; }
}
