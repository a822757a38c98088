namespace Ledger.Contracts.Ethereum;

/// <summary>Another holder kept an account's <see cref="INonceLease"/> longer than the sender would wait. Nothing was sent; retryable.</summary>
public sealed class NonceLeaseUnavailableException(string account, TimeSpan waited)
    : Exception($"Another sender has held the nonce lease of {account} for {waited.TotalSeconds:0} s; nothing was sent, retry later.")
{
    /// <summary>The account whose lease was busy.</summary>
    public string Account { get; } = account;
}
