namespace Ledger.Gateway.Stores;

/// <summary>
/// Ownership of a write in progress, returned with <see cref="IdempotencyState.New"/>.
/// Completing or abandoning needs it, so a caller whose lease expired cannot overwrite the
/// record of a later retry.
/// </summary>
public sealed class IdempotencyLease
{
    internal IdempotencyLease(IdempotencyKey key, string token, ReadOnlyMemory<byte> fingerprint, object issuedBy)
    {
        Key = key;
        Token = token;
        Fingerprint = fingerprint;
        IssuedBy = issuedBy;
    }

    /// <summary>The request this lease is for.</summary>
    public IdempotencyKey Key { get; }

    /// <summary>Random token identifying this attempt.</summary>
    public string Token { get; }

    /// <summary>Fingerprint of the request.</summary>
    public ReadOnlyMemory<byte> Fingerprint { get; }

    /// <summary>The store that issued the lease (a fallback decorator routes by it).</summary>
    internal object IssuedBy { get; }

    /// <summary>A fresh random token.</summary>
    internal static string NewToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
