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
        ArgumentNullException.ThrowIfNull(blockHash);
        if (blockHash.Length != 66 || !blockHash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !blockHash.AsSpan(2).ContainsOnlyHex())
            throw new ArgumentException("A block hash is 0x followed by 64 hex digits.", nameof(blockHash));
        BlockNumber = blockNumber;
        BlockHash = "0x" + blockHash[2..].ToLowerInvariant();
    }

    /// <summary>Block number.</summary>
    public ulong BlockNumber { get; }

    /// <summary>Block hash, "0x" + 64 lower-case hex digits.</summary>
    public string BlockHash { get; }
}

file static class HexSpan
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> text) => !text.ContainsAnyExcept("0123456789abcdefABCDEF");
}
