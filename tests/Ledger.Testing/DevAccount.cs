using Ledger.Core.Primitives;
using Nethereum.Signer;

namespace Ledger.Testing;

/// <summary>
/// A funded devnet account. The key is a throw-away devnet key, yet it is kept out of
/// <see cref="ToString"/> like any key, so test output never teaches the habit.
/// </summary>
/// <param name="Address">The account's address.</param>
/// <param name="PrivateKeyHex">Its secp256k1 private key, "0x" and 64 hex digits.</param>
public sealed record DevAccount(Address Address, string PrivateKeyHex)
{
    /// <summary>The private key as 32 bytes.</summary>
    public byte[] PrivateKey() => Convert.FromHexString(PrivateKeyHex.AsSpan(2));

    /// <summary>The key as Nethereum's signer takes it.</summary>
    public EthECKey Key() => new(PrivateKeyHex);

    /// <inheritdoc />
    public override string ToString() => $"DevAccount {{ Address = {Address} }}";
}
