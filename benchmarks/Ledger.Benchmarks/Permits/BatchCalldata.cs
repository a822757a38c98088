using System.Buffers.Binary;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.Contracts;
using PermitInputMessage = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitInput;

namespace Ledger.Benchmarks.Permits;

/// <summary>
/// Calldata of <c>registerBatch(PermitInput[])</c> written directly: Nethereum's typed encoder costs
/// tens of milliseconds per 100-permit batch (reflection per field), which would make the million-permit
/// bulk load a CPU benchmark of this program. <see cref="CheckAgainstNethereum"/> compares it with
/// Nethereum's encoding before any use, so the shortcut cannot drift from the ABI.
/// </summary>
internal static class BatchCalldata
{
    private const int Word = 32;
    private static readonly byte[] Selector = Convert.FromHexString(
        ABITypedRegistry.GetFunctionABI<RegisterBatchFunction>().Sha3Signature);

    /// <summary>The calldata for <paramref name="permits"/>.</summary>
    public static byte[] Encode(IReadOnlyList<PermitInputMessage> permits)
    {
        ArgumentNullException.ThrowIfNull(permits);
        var sizes = permits.Select(p => (11 + p.Lines.Count) * Word).ToArray();
        var data = new byte[4 + Word * 2 + permits.Count * Word + sizes.Sum()];
        Selector.CopyTo(data, 0);
        var array = data.AsSpan(4);
        WriteUInt(array[..Word], Word);                       // offset of the array argument
        WriteUInt(array.Slice(Word, Word), (ulong)permits.Count);
        var content = array[(2 * Word)..];                    // offsets are relative to here
        var offset = permits.Count * Word;
        for (var i = 0; i < permits.Count; i++)
        {
            WriteUInt(content.Slice(i * Word, Word), (ulong)offset);
            WriteTuple(content.Slice(offset, sizes[i]), permits[i]);
            offset += sizes[i];
        }
        return data;
    }

    /// <summary>Throws unless <see cref="Encode"/> equals Nethereum's encoding of <paramref name="sample"/>.</summary>
    public static void CheckAgainstNethereum(IReadOnlyList<PermitInputMessage> sample)
    {
        var expected = new RegisterBatchFunction { Permits = sample.ToList() }.GetCallData();
        if (!expected.AsSpan().SequenceEqual(Encode(sample)))
            throw new InvalidOperationException("The hand-written registerBatch calldata differs from Nethereum's encoding: fix BatchCalldata before loading.");
    }

    private static void WriteTuple(Span<byte> tuple, PermitInputMessage permit)
    {
        permit.Key.CopyTo(tuple[..Word]);
        permit.DocumentHash.CopyTo(tuple.Slice(1 * Word, Word));
        WriteUInt(tuple.Slice(2 * Word, Word), permit.PermitType);
        WriteUInt(tuple.Slice(3 * Word, Word), permit.ValidFrom);
        WriteUInt(tuple.Slice(4 * Word, Word), permit.ValidUntil);
        permit.Destination.CopyTo(tuple.Slice(5 * Word, Word));   // bytesN: left-aligned
        WriteUInt(tuple.Slice(6 * Word, Word), permit.MaxShipments);
        permit.PreviousKey.CopyTo(tuple.Slice(7 * Word, Word));
        permit.ActorRef.CopyTo(tuple.Slice(8 * Word, Word));
        WriteUInt(tuple.Slice(9 * Word, Word), 10 * Word);      // offset of lines within the tuple
        WriteUInt(tuple.Slice(10 * Word, Word), (ulong)permit.Lines.Count);
        for (var line = 0; line < permit.Lines.Count; line++)
        {
            var amount = permit.Lines[line];
            if (amount.Sign < 0 || amount.GetByteCount(isUnsigned: true) > 12)
                throw new ArgumentOutOfRangeException(nameof(permit), "A line amount is a uint96.");
            amount.TryWriteBytes(tuple.Slice((11 + line) * Word + Word - amount.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        }
    }

    private static void WriteUInt(Span<byte> word, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(word[(Word - 8)..], value);
}
