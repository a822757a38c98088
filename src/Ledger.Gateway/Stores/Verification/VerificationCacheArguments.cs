namespace Ledger.Gateway.Stores;

/// <summary>Argument checks shared by the cache implementations.</summary>
internal static class VerificationCacheArguments
{
    public static void CheckSet(ReadOnlyMemory<byte> value, TimeSpan timeToLive)
    {
        if (value.Length > IVerificationCache.MaxValueBytes)
            throw new ArgumentException($"A cached verification is at most {IVerificationCache.MaxValueBytes} bytes.", nameof(value));
        if (timeToLive <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be positive.");
    }
}
