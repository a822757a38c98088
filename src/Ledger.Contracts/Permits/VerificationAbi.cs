using System.Buffers.Binary;
using Ledger.Contracts.Binding;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Permits;

/// <summary>
/// Hand-written ABI for the two calls every uncached verification makes: the calldata of
/// <c>verifyManyAtHead(bytes32[])</c> and the outputs of <c>verifyAtHead</c> and
/// <c>verifyManyAtHead</c>. Nethereum's attribute-driven decoder spends 0.2 to 2 ms of reflection
/// per PermitVerification here, several times the node's whole eth_call; these layouts are
/// fixed, so they are read directly. Checked against Nethereum's encoder and <c>cast</c> in the tests.
/// </summary>
internal static class VerificationAbi
{
    private const int Word = 32;

    // PermitVerification's 16 head words: status, reason, issuer, issuerCountry, permitType,
    // validFrom, validUntil, destination, authorised (offset), used (offset), shipmentsUsed,
    // maxShipments, documentHash, previousKey, replacementKey, cancelReason.
    private const int VerificationHeadWords = 16;

    private static readonly byte[] VerifyManySelector = Convert.FromHexString("5323af11");

    /// <summary>The canonical signature whose selector the calldata starts with.</summary>
    public const string VerifyManyAtHeadSignature = "verifyManyAtHead(bytes32[])";

    /// <summary>Calldata of <c>verifyManyAtHead(keys)</c>: selector, offset, length, the keys.</summary>
    public static byte[] EncodeVerifyManyAtHead(IReadOnlyList<Bytes32> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var data = new byte[4 + (2 + keys.Count) * Word];
        VerifyManySelector.CopyTo(data, 0);
        WriteUInt(data.AsSpan(4, Word), Word);
        WriteUInt(data.AsSpan(4 + Word, Word), (ulong)keys.Count);
        for (var i = 0; i < keys.Count; i++)
            keys[i].CopyTo(data.AsSpan(4 + (2 + i) * Word, Word));
        return data;
    }

    /// <summary>The outputs of <c>verifyAtHead(key)</c>: (PermitVerification v, uint8 issuerStatus, uint64 blockNumber).</summary>
    /// <exception cref="FormatException">The bytes are not this ABI's encoding.</exception>
    public static PermitVerificationAtBlock DecodeVerifyAtHead(ReadOnlySpan<byte> output)
    {
        var verification = ReadVerification(output, Offset(output, 0, 0));
        var issuerStatus = AbiValues.ToEnum<AuthorityStatus>(ReadUInt(output, 1 * Word, 8));
        return new PermitVerificationAtBlock(verification, issuerStatus, ReadUInt(output, 2 * Word, 64));
    }

    /// <summary>The outputs of <c>verifyManyAtHead(keys)</c>: one answer per key, all at the call's block.</summary>
    /// <exception cref="FormatException">The bytes are not this ABI's encoding.</exception>
    public static PermitVerificationAtBlock[] DecodeVerifyManyAtHead(ReadOnlySpan<byte> output)
    {
        var verifications = Offset(output, 0, 0);
        var statuses = Offset(output, Word, 0);
        var block = ReadUInt(output, 2 * Word, 64);
        var count = Length(output, verifications);
        if (Length(output, statuses) != count)
            throw new FormatException($"verifyManyAtHead answered {count} verifications but {Length(output, statuses)} issuer statuses.");
        var answers = new PermitVerificationAtBlock[count];
        var tuples = verifications + Word;
        for (var i = 0; i < count; i++)
        {
            var verification = ReadVerification(output, Offset(output, tuples + i * Word, tuples));
            var issuerStatus = AbiValues.ToEnum<AuthorityStatus>(ReadUInt(output, statuses + (1 + i) * Word, 8));
            answers[i] = new PermitVerificationAtBlock(verification, issuerStatus, block);
        }
        return answers;
    }

    private static PermitVerificationView ReadVerification(ReadOnlySpan<byte> output, int at)
    {
        Need(output, at, VerificationHeadWords * Word);
        return new PermitVerificationView(
            AbiValues.ToEnum<VerificationStatus>(ReadUInt(output, at + 0 * Word, 8)),
            AbiValues.ToEnum<VerificationReason>(ReadUInt(output, at + 1 * Word, 8)),
            ReadAddress(output, at + 2 * Word),
            CountryBytes.FromBytes(ReadBytes2(output, at + 3 * Word)),
            AbiValues.ToEnum<PermitType>(ReadUInt(output, at + 4 * Word, 8)),
            ReadUInt(output, at + 5 * Word, 40),
            ReadUInt(output, at + 6 * Word, 40),
            CountryBytes.FromBytes(ReadBytes2(output, at + 7 * Word)),
            ReadQuantities(output, Offset(output, at + 8 * Word, at)),
            ReadQuantities(output, Offset(output, at + 9 * Word, at)),
            (ushort)ReadUInt(output, at + 10 * Word, 16),
            (ushort)ReadUInt(output, at + 11 * Word, 16),
            new Bytes32(output.Slice(at + 12 * Word, Word)),
            new Bytes32(output.Slice(at + 13 * Word, Word)),
            new Bytes32(output.Slice(at + 14 * Word, Word)),
            (byte)ReadUInt(output, at + 15 * Word, 8));
    }

    // A uint96[]: length, then one word per quantity.
    private static UInt128[] ReadQuantities(ReadOnlySpan<byte> output, int at)
    {
        var count = Length(output, at);
        var quantities = new UInt128[count];
        for (var i = 0; i < count; i++)
        {
            var word = output.Slice(at + (1 + i) * Word, Word);
            if (word[..20].ContainsAnyExcept((byte)0))
                throw new FormatException("A uint96 quantity has bits above 96.");
            quantities[i] = new UInt128(BinaryPrimitives.ReadUInt32BigEndian(word[20..24]), BinaryPrimitives.ReadUInt64BigEndian(word[24..]));
        }
        return quantities;
    }

    // A dynamic value's position: the word at `at` holds it relative to `from`.
    private static int Offset(ReadOnlySpan<byte> output, int at, int from)
    {
        var offset = ReadUInt(output, at, 32);
        var position = (long)from + (long)offset;
        if (offset % Word != 0 || position + Word > output.Length)
            throw new FormatException($"An ABI offset ({offset}) points outside the {output.Length}-byte answer.");
        return (int)position;
    }

    // A dynamic array's length word, checked against the bytes that follow it.
    private static int Length(ReadOnlySpan<byte> output, int at)
    {
        var count = ReadUInt(output, at, 32);
        if ((long)at + Word + (long)count * Word > output.Length)
            throw new FormatException($"An ABI array of {count} words does not fit in the {output.Length}-byte answer.");
        return (int)count;
    }

    // An unsigned integer of `bits` (at most 64) right-aligned in its word; any bit above is a format error.
    private static ulong ReadUInt(ReadOnlySpan<byte> output, int at, int bits)
    {
        Need(output, at, Word);
        var word = output.Slice(at, Word);
        if (word[..24].ContainsAnyExcept((byte)0))
            throw new FormatException($"A uint{bits} ABI word has bits above 64.");
        var value = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        if (bits < 64 && value >> bits != 0)
            throw new FormatException($"A uint{bits} ABI word has bits above {bits}.");
        return value;
    }

    private static Address ReadAddress(ReadOnlySpan<byte> output, int at)
    {
        var word = output.Slice(at, Word);
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new FormatException("An address ABI word has bits above 160.");
        return new Address(word[12..]);
    }

    private static byte[] ReadBytes2(ReadOnlySpan<byte> output, int at)
    {
        var word = output.Slice(at, Word);
        if (word[2..].ContainsAnyExcept((byte)0))
            throw new FormatException("A bytes2 ABI word has bytes after its first two.");
        return word[..2].ToArray();
    }

    private static void Need(ReadOnlySpan<byte> output, int at, int bytes)
    {
        if (at < 0 || (long)at + bytes > output.Length)
            throw new FormatException($"The {output.Length}-byte answer ends before byte {at + bytes}.");
    }

    private static void WriteUInt(Span<byte> word, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);
}
