using System.Buffers.Binary;
using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Transactions;

namespace Ledger.Benchmarks;

/// <summary>
/// The RLP baseline: a signed EIP-1559 transaction written straight into one array, with no
/// item tree — the floor the generic encoder is measured against. It handles only what the
/// benchmark transaction has (an empty access list); start-up checks it produces the same
/// bytes as the library.
/// </summary>
internal static class HandWrittenTransactionEncoder
{
    private const byte ShortString = 0x80;
    private const byte LongString = 0xb7;
    private const byte ShortList = 0xc0;
    private const byte LongList = 0xf7;
    private const int MaxShortPayload = 55;

    public static byte[] EncodeSigned(Eip1559Transaction transaction, Signature signature)
    {
        if (transaction.AccessList.Count != 0)
            throw new NotSupportedException("The hand-written baseline encodes only an empty access list.");

        Span<byte> chainId = stackalloc byte[sizeof(ulong)];
        Span<byte> nonce = stackalloc byte[sizeof(ulong)];
        Span<byte> priorityFee = stackalloc byte[32];
        Span<byte> maxFee = stackalloc byte[32];
        Span<byte> gasLimit = stackalloc byte[sizeof(ulong)];
        Span<byte> value = stackalloc byte[32];
        Span<byte> yParity = stackalloc byte[sizeof(ulong)];
        chainId = Minimal(transaction.ChainId, chainId);
        nonce = Minimal(transaction.Nonce, nonce);
        priorityFee = Minimal(transaction.MaxPriorityFeePerGas, priorityFee);
        maxFee = Minimal(transaction.MaxFeePerGas, maxFee);
        gasLimit = Minimal(transaction.GasLimit, gasLimit);
        value = Minimal(transaction.Value, value);
        yParity = Minimal(signature.RecoveryId, yParity);
        var to = transaction.To is { } address ? address.Bytes : ReadOnlySpan<byte>.Empty;
        var data = transaction.Data.Span;
        var r = TrimLeadingZeros(signature.R);
        var s = TrimLeadingZeros(signature.S);

        const int emptyAccessListLength = 1;
        var payloadLength =
            StringLength(chainId) + StringLength(nonce) + StringLength(priorityFee) + StringLength(maxFee)
            + StringLength(gasLimit) + StringLength(to) + StringLength(value) + StringLength(data)
            + emptyAccessListLength + StringLength(yParity) + StringLength(r) + StringLength(s);

        var output = new byte[1 + HeaderLength(payloadLength) + payloadLength];
        output[0] = Eip1559Transaction.TypeByte;
        var position = 1;
        WriteHeader(output, ref position, payloadLength, ShortList, LongList);
        WriteString(output, ref position, chainId);
        WriteString(output, ref position, nonce);
        WriteString(output, ref position, priorityFee);
        WriteString(output, ref position, maxFee);
        WriteString(output, ref position, gasLimit);
        WriteString(output, ref position, to);
        WriteString(output, ref position, value);
        WriteString(output, ref position, data);
        output[position++] = ShortList;
        WriteString(output, ref position, yParity);
        WriteString(output, ref position, r);
        WriteString(output, ref position, s);
        return position == output.Length
            ? output
            : throw new InvalidOperationException($"Wrote {position} of {output.Length} bytes: the length arithmetic is wrong.");
    }

    private static Span<byte> Minimal(ulong value, Span<byte> buffer)
    {
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        return buffer[(BitOperations.LeadingZeroCount(value) / 8)..];
    }

    private static Span<byte> Minimal(BigInteger value, Span<byte> buffer)
    {
        if (value.IsZero)
            return buffer[..0];
        value.TryWriteBytes(buffer, out var written, isUnsigned: true, isBigEndian: true);
        return buffer[..written];
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> bigEndian)
    {
        var first = bigEndian.IndexOfAnyExcept((byte)0);
        return first < 0 ? [] : bigEndian[first..];
    }

    private static int StringLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < ShortString ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    private static int HeaderLength(int payloadLength) =>
        payloadLength <= MaxShortPayload ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length) => (32 - BitOperations.LeadingZeroCount((uint)length) + 7) / 8;

    private static void WriteString(Span<byte> output, ref int position, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < ShortString)
        {
            output[position++] = bytes[0];
            return;
        }
        WriteHeader(output, ref position, bytes.Length, ShortString, LongString);
        bytes.CopyTo(output[position..]);
        position += bytes.Length;
    }

    private static void WriteHeader(Span<byte> output, ref int position, int payloadLength, byte shortBase, byte longBase)
    {
        if (payloadLength <= MaxShortPayload)
        {
            output[position++] = (byte)(shortBase + payloadLength);
            return;
        }
        var lengthOfLength = LengthOfLength(payloadLength);
        output[position++] = (byte)(longBase + lengthOfLength);
        for (var shift = (lengthOfLength - 1) * 8; shift >= 0; shift -= 8)
            output[position++] = (byte)(payloadLength >> shift);
    }
}
