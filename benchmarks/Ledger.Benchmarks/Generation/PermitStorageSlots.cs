using System.Numerics;
using Ledger.Core.Primitives;
using PermitInputMessage = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitInput;

namespace Ledger.Benchmarks.Generation;

/// <summary>One storage word of a contract: its slot and its value, 32 bytes each.</summary>
/// <param name="Slot">The slot, big-endian.</param>
/// <param name="Value">The value, big-endian.</param>
internal readonly record struct StorageWord(byte[] Slot, byte[] Value);

/// <summary>
/// The storage words PermitRegistry.registerBatch writes for one permit, computed here instead of
/// by the EVM, so that a million permits can be put in a node's state in seconds. Mirrors
/// contracts/src/permit/PermitLifecycle.sol <c>_store</c> and the layout of PermitStorage.sol and
/// PermitSlots.sol (forge inspect PermitRegistry storageLayout: <c>_permits</c> at slot 0,
/// <c>_previousKeys</c> at slot 2); registration touches no aggregate (no counter, no list).
/// A differential test registers varied permits on one node and generates them on another and
/// compares every storage word, so a change of the contract's layout fails it.
/// </summary>
internal static class PermitStorageSlots
{
    private const int PermitsMappingSlot = 0;
    private const int PreviousKeysMappingSlot = 2;
    private const int DocumentHashOffset = 0;
    private const int HeaderOffset = 1;
    private const int UsageOffset = 2;
    private const int FirstMoreLineOffset = 3;
    private const byte ActiveState = 1;

    /// <summary>The words a registration of <paramref name="permit"/> by <paramref name="issuer"/> writes (only non-zero ones, as SSTORE of zero to a fresh slot changes nothing).</summary>
    public static IEnumerable<StorageWord> Of(PermitInputMessage permit, Address issuer)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var lines = permit.Lines ?? throw new ArgumentException("The permit has no lines.", nameof(permit));
        if (lines.Count is 0 or > 16)
            throw new ArgumentException($"A permit carries 1 to 16 lines, not {lines.Count}.", nameof(permit));
        var record = MappingSlot(permit.Key, PermitsMappingSlot);
        yield return new StorageWord(Plus(record, DocumentHashOffset), Word(permit.DocumentHash));
        yield return new StorageWord(Plus(record, HeaderOffset), Header(permit, issuer));
        yield return new StorageWord(Plus(record, UsageOffset), Usage(permit));
        for (var i = 1; i < lines.Count; i++)
            yield return new StorageWord(Plus(record, FirstMoreLineOffset + i - 1), ToWord(lines[i])); // authorised in the low 96 bits, used 0
        if (permit.PreviousKey is { } previous && previous.Any(b => b != 0))
            yield return new StorageWord(MappingSlot(permit.Key, PreviousKeysMappingSlot), Word(previous));
    }

    /// <summary>keccak256(key . uint256(mappingSlot)): where a mapping keeps the value of <paramref name="key"/>.</summary>
    public static byte[] MappingSlot(byte[] key, int mappingSlot)
    {
        var preimage = new byte[64];
        Word(key).CopyTo(preimage, 0);
        preimage[63] = (byte)mappingSlot;
        return Keccak.Hash(preimage).ToArray();
    }

    /// <summary>PermitHeaderLib.pack: issuer 0-159, validFrom 160-199, validUntil 200-239, permitType 240-247, state 248-255.</summary>
    private static byte[] Header(PermitInputMessage permit, Address issuer)
    {
        var value = new BigInteger(issuer.Bytes, isUnsigned: true, isBigEndian: true)
            | new BigInteger(permit.ValidFrom) << 160
            | new BigInteger(permit.ValidUntil) << 200
            | new BigInteger(permit.PermitType) << 240
            | new BigInteger(ActiveState) << 248;
        return ToWord(value);
    }

    /// <summary>PermitUsageLib.pack: line 0 authorised 0-95, lineCount 192-199, maxShipments 200-215, destination 232-247; used, shipments and cancel reason zero.</summary>
    private static byte[] Usage(PermitInputMessage permit)
    {
        var destination = permit.Destination is { Length: 2 } d ? (d[0] << 8) | d[1] : 0;
        var value = permit.Lines[0]
            | new BigInteger(permit.Lines.Count) << 192
            | new BigInteger(permit.MaxShipments) << 200
            | new BigInteger(destination) << 232;
        return ToWord(value);
    }

    private static byte[] Word(byte[] bytes32) =>
        bytes32 is { Length: 32 } ? bytes32 : throw new ArgumentException($"Expected 32 bytes, got {bytes32?.Length ?? 0}.", nameof(bytes32));

    private static byte[] ToWord(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32)
            throw new ArgumentOutOfRangeException(nameof(value), "A storage word holds 32 bytes.");
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    /// <summary>A struct member's slot: the struct's first slot plus the member's offset, modulo 2^256.</summary>
    private static byte[] Plus(byte[] slot, int offset)
    {
        var word = (byte[])slot.Clone();
        var carry = offset;
        for (var i = 31; i >= 0 && carry != 0; i--)
        {
            var sum = word[i] + (carry & 0xff);
            word[i] = (byte)sum;
            carry = (carry >> 8) + (sum >> 8);
        }
        return word;
    }
}
