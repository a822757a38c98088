using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Transactions;

/// <summary>
/// A legacy (untyped) transaction, always signed with EIP-155 replay protection:
/// the signing payload is rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]) and
/// the signed form carries v = chainId·2 + 35 + recovery id.
/// </summary>
public sealed class LegacyTransaction : Transaction
{
    /// <summary>Wei paid per gas (0 to 2^256 - 1).</summary>
    public BigInteger GasPrice
    {
        get;
        init => field = UInt256Range.Require(value, nameof(GasPrice));
    }

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Legacy;

    /// <summary>The EIP-155 v value for a chain id and recovery id.</summary>
    internal static BigInteger ToV(ulong chainId, byte recoveryId) => new BigInteger(chainId) * 2 + 35 + recoveryId;

    /// <inheritdoc />
    internal override byte[] Encode(Signature? signature)
    {
        List<RlpItem> fields =
        [
            RlpItem.FromUInt64(Nonce),
            RlpItem.FromBigInteger(GasPrice),
            RlpItem.FromUInt64(GasLimit),
            TransactionRlp.FromRecipient(To),
            RlpItem.FromBigInteger(Value),
            RlpItem.FromBytes(Data),
        ];
        if (signature is null)
            fields.AddRange([RlpItem.FromUInt64(ChainId), RlpItem.Empty, RlpItem.Empty]);
        else
            fields.AddRange(TransactionRlp.FromSignature(RlpItem.FromBigInteger(ToV(ChainId, signature.RecoveryId)), signature));
        return RlpEncoder.Encode(RlpItem.List(fields));
    }
}
