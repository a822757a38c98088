namespace Ledger.Gateway.Stores;

/// <summary>Argument checks shared by the cache implementations.</summary>
internal static class VerificationCacheArguments
{
    public static void CheckSet(ReadOnlyMemory<byte> value, ulong asOfBlock, TimeSpan timeToLive)
    {
        if (value.Length > IVerificationCache.MaxValueBytes)
            throw new ArgumentException($"A cached verification is at most {IVerificationCache.MaxValueBytes} bytes.", nameof(value));
        if (timeToLive <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be positive.");
        CheckBlock(asOfBlock, nameof(asOfBlock));
    }

    public static void CheckBlock(ulong block, string parameterName)
    {
        if (block > IVerificationCache.MaxBlock)
            throw new ArgumentOutOfRangeException(parameterName, block, $"A block number is at most {IVerificationCache.MaxBlock}.");
    }
}
