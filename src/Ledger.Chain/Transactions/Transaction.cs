using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Transactions;

/// <summary>
/// The fields every transaction has. Always bound to a chain id (EIP-155 replay protection):
/// a transaction without one could be replayed on any network, so none is ever signed.
/// Immutable once built; <see cref="Data"/> is copied on assignment.
/// </summary>
public abstract class Transaction
{
    /// <summary>The chain id the signature is bound to; must be positive.</summary>
    public required ulong ChainId
    {
        get;
        init => field = value != 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ChainId), "A transaction needs a chain id above 0 (EIP-155 replay protection).");
    }

    /// <summary>The sender's transaction count.</summary>
    public ulong Nonce { get; init; }

    /// <summary>Maximum gas the transaction may use.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or null to create a contract from <see cref="Data"/>.</summary>
    public Address? To { get; init; }

    /// <summary>Wei transferred (0 to 2^256 - 1).</summary>
    public BigInteger Value
    {
        get;
        init => field = UInt256Range.Require(value, nameof(Value));
    }

    /// <summary>Call data, or init code when <see cref="To"/> is null.</summary>
    public ReadOnlyMemory<byte> Data
    {
        get;
        init => field = value.ToArray();
    }

    /// <summary>Which envelope this transaction uses.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>The bytes whose keccak256 is signed.</summary>
    public byte[] GetSigningPayload() => Encode(signature: null);

    /// <summary>keccak256 of <see cref="GetSigningPayload"/>: the hash the sender signs.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash(GetSigningPayload());

    /// <summary>Signs with <paramref name="key"/> and returns the raw transaction, its hash and its sender.</summary>
    public SignedTransaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Validate();
        var signature = Secp256k1.Sign(GetSigningHash(), key);
        return new SignedTransaction(this, signature, Encode(signature), key.Address);
    }

    /// <summary>
    /// Encodes the signing payload (no signature) or the signed raw transaction.
    /// </summary>
    internal abstract byte[] Encode(Signature? signature);

    /// <summary>Checks rules that span fields, before signing; throws <see cref="InvalidOperationException"/>.</summary>
    protected virtual void Validate()
    {
    }
}
