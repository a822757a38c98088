using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Transactions;

/// <summary>
/// Reads signed raw transactions (type 2 and legacy EIP-155) and recovers their sender.
/// Only canonical encodings with low-s signatures are accepted, as nodes accept them, so a
/// decoded transaction's hash is the hash the network will report.
/// </summary>
public static class TransactionDecoder
{
    /// <summary>Largest raw transaction accepted; geth's pool refuses anything larger (128 KiB).</summary>
    public const int MaxRawLength = 128 * 1024;

    private const int Eip1559FieldCount = 12;
    private const int LegacyFieldCount = 9;

    /// <summary>Decodes "0x"-prefixed hex of a raw transaction.</summary>
    public static SignedTransaction Decode(string rawHex)
    {
        ArgumentNullException.ThrowIfNull(rawHex);
        if (rawHex.Length > 2 + 2 * MaxRawLength)
            throw new FormatException($"A raw transaction is at most {MaxRawLength} bytes.");
        return Decode(Hex.Decode(rawHex));
    }

    /// <summary>Decodes a raw transaction; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
            throw new FormatException("A raw transaction cannot be empty.");
        if (raw.Length > MaxRawLength)
            throw new FormatException($"A raw transaction is at most {MaxRawLength} bytes, got {raw.Length}.");
        return raw[0] switch
        {
            Eip1559Transaction.TypeByte => DecodeEip1559(raw),
            >= 0xc0 => DecodeLegacy(raw),
            <= 0x7f => throw new FormatException(
                $"Transaction type 0x{raw[0]:x2} is not supported; only type 2 (EIP-1559) and legacy EIP-155 transactions are."),
            _ => throw new FormatException("Not a transaction: it starts with neither a type byte nor an RLP list."),
        };
    }

    private static SignedTransaction DecodeEip1559(ReadOnlySpan<byte> raw)
    {
        var fields = ReadFields(raw[1..], Eip1559FieldCount, "an EIP-1559 transaction");
        var chainId = Field("chainId", () => fields[0].ToUInt64());
        if (chainId == 0)
            throw new FormatException("Transaction field chainId must be above 0.");
        var transaction = new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = Field("nonce", () => fields[1].ToUInt64()),
            MaxPriorityFeePerGas = Field("maxPriorityFeePerGas", () => fields[2].ToBigInteger()),
            MaxFeePerGas = Field("maxFeePerGas", () => fields[3].ToBigInteger()),
            GasLimit = Field("gasLimit", () => fields[4].ToUInt64()),
            To = Field("to", () => TransactionRlp.ToRecipient(fields[5])),
            Value = Field("value", () => fields[6].ToBigInteger()),
            Data = Field("data", () => fields[7].Bytes),
            AccessList = Field("accessList", () => TransactionRlp.ToAccessList(fields[8])),
        };
        var yParity = Field("yParity", () => fields[9].ToUInt64());
        if (yParity > 1)
            throw new FormatException($"Transaction field yParity must be 0 or 1, got {yParity}.");
        var signature = ReadSignature(fields[10], fields[11], (byte)yParity);
        return Complete(transaction, signature, raw);
    }

    private static SignedTransaction DecodeLegacy(ReadOnlySpan<byte> raw)
    {
        var fields = ReadFields(raw, LegacyFieldCount, "a legacy transaction");
        // v = chainId·2 + 35 + recovery id; a chain id up to 2^64 - 1 makes v up to 9 bytes.
        var v = Field("v", () => fields[6].ToBigInteger(maxBytes: 9));
        if (v == 27 || v == 28)
            throw new FormatException(
                "Legacy transaction without a chain id (v = 27/28, pre-EIP-155) refused: it could be replayed on any network.");
        if (v < 37 || (v - 35) / 2 > ulong.MaxValue)
            throw new FormatException($"Legacy transaction v = {v} is not an EIP-155 value (chainId·2 + 35 or 36).");
        var chainId = (ulong)((v - 35) / 2);
        var recoveryId = (byte)(v - 35 - new BigInteger(chainId) * 2);
        var transaction = new LegacyTransaction
        {
            ChainId = chainId,
            Nonce = Field("nonce", () => fields[0].ToUInt64()),
            GasPrice = Field("gasPrice", () => fields[1].ToBigInteger()),
            GasLimit = Field("gasLimit", () => fields[2].ToUInt64()),
            To = Field("to", () => TransactionRlp.ToRecipient(fields[3])),
            Value = Field("value", () => fields[4].ToBigInteger()),
            Data = Field("data", () => fields[5].Bytes),
        };
        var signature = ReadSignature(fields[7], fields[8], recoveryId);
        return Complete(transaction, signature, raw);
    }

    private static IReadOnlyList<RlpItem> ReadFields(ReadOnlySpan<byte> rlp, int count, string what)
    {
        var item = RlpDecoder.Decode(rlp);
        if (!item.IsList || item.Items.Count != count)
            throw new FormatException($"{char.ToUpperInvariant(what[0])}{what[1..]} is an RLP list of {count} fields.");
        return item.Items;
    }

    private static Signature ReadSignature(RlpItem r, RlpItem s, byte recoveryId)
    {
        var rBytes = Field("r", () => r.ToIntegerBytes(Signature.ScalarSize));
        var sBytes = Field("s", () => s.ToIntegerBytes(Signature.ScalarSize));
        return Field("signature", () => new Signature(rBytes.Span, sBytes.Span, recoveryId));
    }

    /// <summary>Recovers the sender; the raw form kept is the canonical re-encoding (equal to the input).</summary>
    private static SignedTransaction Complete(Transaction transaction, Signature signature, ReadOnlySpan<byte> raw)
    {
        // The decoder accepts only canonical RLP and integers, so re-encoding reproduces the
        // input; checking it keeps the promise that the hash is the one nodes compute.
        var reencoded = transaction.Encode(signature);
        if (!raw.SequenceEqual(reencoded))
            throw new FormatException("The transaction is not in canonical encoding.");
        var sender = Field("signature", () => Secp256k1.RecoverAddress(transaction.GetSigningHash(), signature));
        return new SignedTransaction(transaction, signature, reencoded, sender);
    }

    /// <summary>Runs a field reader, turning its complaint into a FormatException naming the field.</summary>
    private static T Field<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"Transaction field {name}: {error.Message}", error);
        }
    }
}
