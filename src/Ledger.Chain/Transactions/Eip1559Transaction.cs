using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas,
/// maxFeePerGas, gasLimit, to, value, data, accessList, yParity, r, s]).
/// </summary>
public sealed class Eip1559Transaction : Transaction
{
    /// <summary>The envelope's type byte.</summary>
    public const byte TypeByte = 0x02;

    /// <summary>Tip per gas to the block producer (0 to 2^256 - 1).</summary>
    public BigInteger MaxPriorityFeePerGas
    {
        get;
        init => field = UInt256Range.Require(value, nameof(MaxPriorityFeePerGas));
    }

    /// <summary>Most the sender pays per gas, base fee included (0 to 2^256 - 1).</summary>
    public BigInteger MaxFeePerGas
    {
        get;
        init => field = UInt256Range.Require(value, nameof(MaxFeePerGas));
    }

    /// <summary>EIP-2930 access list; empty by default.</summary>
    public IReadOnlyList<AccessListEntry> AccessList
    {
        get;
        init => field = [.. value ?? throw new ArgumentNullException(nameof(AccessList))];
    } = [];

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Eip1559;

    /// <inheritdoc />
    internal override byte[] Encode(Signature? signature)
    {
        List<RlpItem> fields =
        [
            RlpItem.FromUInt64(ChainId),
            RlpItem.FromUInt64(Nonce),
            RlpItem.FromBigInteger(MaxPriorityFeePerGas),
            RlpItem.FromBigInteger(MaxFeePerGas),
            RlpItem.FromUInt64(GasLimit),
            TransactionRlp.FromRecipient(To),
            RlpItem.FromBigInteger(Value),
            RlpItem.FromBytes(Data),
            TransactionRlp.FromAccessList(AccessList),
        ];
        if (signature is not null)
            fields.AddRange(TransactionRlp.FromSignature(RlpItem.FromUInt64(signature.RecoveryId), signature));
        return TransactionRlp.EncodeTyped(TypeByte, RlpItem.List(fields));
    }

    /// <summary>Nodes refuse a tip above the fee cap, so signing one would only waste a nonce.</summary>
    protected override void Validate()
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new InvalidOperationException(
                "MaxPriorityFeePerGas is above MaxFeePerGas; nodes reject such a transaction. Raise the fee cap or lower the tip.");
    }
}
