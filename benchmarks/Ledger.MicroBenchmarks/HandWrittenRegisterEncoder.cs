using System.Buffers.Binary;

namespace Ledger.MicroBenchmarks;

/// <summary>
/// The ABI baseline: calldata for <c>register(PermitInput)</c> written directly
/// for this one fixed layout, with no type tree, boxing or value conversion. It is the floor a
/// generic encoder is measured against; start-up checks it produces the same bytes.
/// </summary>
internal static class HandWrittenRegisterEncoder
{
    private const int Word = 32;
    private const int SelectorSize = 4;
    private const int TupleHeadWords = 10;

    public static byte[] Encode(ReadOnlySpan<byte> selector, RegisterPermitCall call)
    {
        // selector | offset of the tuple | tuple head | lines length | lines
        var output = new byte[SelectorSize + Word * (1 + TupleHeadWords + 1 + call.Lines.Length)];
        selector.CopyTo(output);
        var words = output.AsSpan(SelectorSize);
        WriteUInt64(words, 0, Word); // the tuple is dynamic (it holds uint96[]), so the call data starts with its offset
        var tuple = words[Word..];
        call.Key.CopyTo(WordAt(tuple, 0));
        call.DocumentHash.CopyTo(WordAt(tuple, 1));
        WriteUInt64(tuple, 2, call.PermitType);
        WriteUInt64(tuple, 3, call.ValidFrom);
        WriteUInt64(tuple, 4, call.ValidUntil);
        call.Destination.CopyTo(WordAt(tuple, 5)); // bytesN is left-aligned
        WriteUInt64(tuple, 6, call.MaxShipments);
        call.Previous.CopyTo(WordAt(tuple, 7));
        call.ActorRef.CopyTo(WordAt(tuple, 8));
        WriteUInt64(tuple, 9, TupleHeadWords * Word); // offset of the lines, relative to the tuple
        WriteUInt64(tuple, TupleHeadWords, (ulong)call.Lines.Length);
        for (var i = 0; i < call.Lines.Length; i++)
            BinaryPrimitives.WriteUInt128BigEndian(WordAt(tuple, TupleHeadWords + 1 + i)[16..], call.Lines[i]);
        return output;
    }

    private static Span<byte> WordAt(Span<byte> words, int index) => words.Slice(index * Word, Word);

    private static void WriteUInt64(Span<byte> words, int index, ulong value) =>
        BinaryPrimitives.WriteUInt64BigEndian(WordAt(words, index)[24..], value);
}
