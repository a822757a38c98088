namespace Ledger.Gateway.Stores;

/// <summary>Argument checks shared by the idempotency stores.</summary>
internal static class IdempotencyArguments
{
    public static void CheckKey(IdempotencyKey key)
    {
        if (key.RequestId is null)
            throw new ArgumentException("Create the key with IdempotencyKey.Create.", nameof(key));
    }

    public static void CheckFingerprint(ReadOnlyMemory<byte> fingerprint)
    {
        if (fingerprint.Length is 0 or > IIdempotencyStore.MaxFingerprintBytes)
            throw new ArgumentException($"A request fingerprint is 1 to {IIdempotencyStore.MaxFingerprintBytes} bytes.", nameof(fingerprint));
    }

    public static void CheckTransactionHash(string transactionHash)
    {
        // "0x" + 64 hex digits: safe to store and to log.
        if (transactionHash is not { Length: 66 } || !transactionHash.StartsWith("0x", StringComparison.Ordinal) || !transactionHash.Skip(2).All(char.IsAsciiHexDigit))
            throw new ArgumentException("A transaction hash is \"0x\" + 64 hex digits.", nameof(transactionHash));
    }

    public static void CheckResult(ReadOnlyMemory<byte> result)
    {
        if (result.Length > IIdempotencyStore.MaxResultBytes)
            throw new ArgumentException($"A stored result is at most {IIdempotencyStore.MaxResultBytes} bytes.", nameof(result));
    }
}
