namespace Ledger.Contracts.Ethereum;

/// <summary>
/// The node refused every nonce tried as already taken: another sender is using the same key
/// without sharing its nonces (e.g. two gateway replicas while the Redis that holds their nonce
/// lease is down). Nothing was sent; retryable, since the contention passes.
/// </summary>
public sealed class NonceContentionException(string account, int attempts, ulong lastNonce, Exception innerException)
    : Exception($"The node refused {attempts} nonces of {account} up to {lastNonce} as already taken; another sender is probably using this key. Nothing was sent; retry later.",
        innerException)
{
    /// <summary>The sending account.</summary>
    public string Account { get; } = account;
}
