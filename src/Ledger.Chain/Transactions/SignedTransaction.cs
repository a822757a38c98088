using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Transactions;

/// <summary>
/// A signed transaction: the raw bytes for eth_sendRawTransaction, the transaction hash
/// (keccak256 of the raw bytes, as nodes report it) and the sender.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;
    private readonly byte[] _hash;

    internal SignedTransaction(Transaction transaction, Signature signature, byte[] raw, Address sender)
    {
        Transaction = transaction;
        Signature = signature;
        Sender = sender;
        _raw = raw;
        _hash = Keccak256.Hash(raw);
    }

    /// <summary>The unsigned fields.</summary>
    public Transaction Transaction { get; }

    /// <summary>The sender's signature over <see cref="Transactions.Transaction.GetSigningHash"/>.</summary>
    public Signature Signature { get; }

    /// <summary>The account that signed (known from the key, or recovered when decoded).</summary>
    public Address Sender { get; }

    /// <summary>The raw transaction: 0x02 || rlp(…) for type 2, rlp(…) for legacy.</summary>
    public ReadOnlyMemory<byte> RawBytes => _raw;

    /// <summary>The transaction hash, keccak256 of <see cref="RawBytes"/>.</summary>
    public ReadOnlyMemory<byte> Hash => _hash;

    /// <summary><see cref="RawBytes"/> as "0x"-prefixed hex.</summary>
    public string RawHex => Hex.Encode(_raw);

    /// <summary><see cref="Hash"/> as "0x"-prefixed hex.</summary>
    public string HashHex => Hex.Encode(_hash);

    /// <summary>Names the transaction by its hash and sender.</summary>
    public override string ToString() => $"{Transaction.Type} transaction {HashHex} from {Sender}";
}
