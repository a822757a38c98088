using Ledger.Chain.Crypto;
using Ledger.Chain.Rlp;
using Ledger.Chain.Transactions;

namespace Ledger.Benchmarks;

/// <summary>
/// Encodes a signed EIP-1559 transaction with Ledger.Chain's generic RLP (an
/// <see cref="RlpItem"/> tree written by <see cref="RlpEncoder"/>), field for field as
/// <see cref="Eip1559Transaction"/> does internally; the library keeps that step internal,
/// so the benchmark rebuilds it from the public API. Start-up checks the bytes equal the
/// library's own <see cref="SignedTransaction.RawBytes"/>.
/// </summary>
internal static class RlpItemTransactionEncoder
{
    public static byte[] EncodeSigned(Eip1559Transaction transaction, Signature signature)
    {
        var payload = RlpItem.List(
            RlpItem.FromUInt64(transaction.ChainId),
            RlpItem.FromUInt64(transaction.Nonce),
            RlpItem.FromBigInteger(transaction.MaxPriorityFeePerGas),
            RlpItem.FromBigInteger(transaction.MaxFeePerGas),
            RlpItem.FromUInt64(transaction.GasLimit),
            transaction.To is { } to ? RlpItem.CopyOf(to.Bytes) : RlpItem.Empty,
            RlpItem.FromBigInteger(transaction.Value),
            RlpItem.FromBytes(transaction.Data),
            RlpItem.List(transaction.AccessList.Select(entry => RlpItem.List(
                RlpItem.CopyOf(entry.Address.Bytes),
                RlpItem.List(entry.StorageKeys.Select(RlpItem.FromBytes))))),
            RlpItem.FromUInt64(signature.RecoveryId),
            RlpItem.FromUnsignedBigEndian(signature.R),
            RlpItem.FromUnsignedBigEndian(signature.S));
        var output = new byte[1 + payload.EncodedLength];
        output[0] = Eip1559Transaction.TypeByte;
        RlpEncoder.Encode(payload, output.AsSpan(1));
        return output;
    }
}
