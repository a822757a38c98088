using System.Numerics;
using System.Text;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// A second, deliberately simple ABI encoder that writes valid but non-canonical encodings:
/// the tails of dynamic values in shuffled order with random junk words between them. Every
/// decoder that follows offsets (Solidity's, cast's) accepts these, so decoding them checks
/// offset handling that the library's own strict encoder never exercises.
/// </summary>
internal sealed class ScramblingEncoder(Random random)
{
    public byte[] Encode(AbiTupleType parameters, IReadOnlyList<object?> values) =>
        EncodeSequence(parameters.Components.Select(c => c.Type).ToArray(), values);

    private byte[] Encode(AbiType type, object? value) => type switch
    {
        AbiIntegerType => Word((BigInteger)value!),
        AbiAddressType => [.. new byte[12], .. ((Address)value!).Bytes],
        AbiBoolType => Word((bool)value! ? 1 : 0),
        AbiFixedBytesType => RightPadded((byte[])value!),
        AbiBytesType => [.. Word(((byte[])value!).Length), .. RightPadded((byte[])value!)],
        AbiStringType => Encode(AbiBytesType.Instance, Encoding.UTF8.GetBytes((string)value!)),
        AbiArrayType { Length: null } array =>
            [.. Word(((object?[])value!).Length), .. EncodeSequence(Repeat(array.Element, ((object?[])value!).Length), (object?[])value!)],
        AbiArrayType array => EncodeSequence(Repeat(array.Element, array.Length!.Value), (object?[])value!),
        AbiTupleType tuple => Encode(tuple, (object?[])value!),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ABI type"),
    };

    private byte[] EncodeSequence(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        var heads = new byte[types.Count][];
        var tails = new Dictionary<int, byte[]>();
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
                tails[i] = Encode(types[i], values[i]);
            else
                heads[i] = Encode(types[i], values[i]);
        }
        var headSize = heads.Sum(h => h?.Length ?? 32);
        var body = new List<byte>();
        var offsets = new Dictionary<int, int>();
        foreach (var i in tails.Keys.OrderBy(_ => random.Next()))
        {
            body.AddRange(RandomWords(random.Next(3)));
            offsets[i] = headSize + body.Count;
            body.AddRange(tails[i]);
        }
        var result = new List<byte>(headSize + body.Count);
        for (var i = 0; i < types.Count; i++)
            result.AddRange(heads[i] ?? Word(offsets[i]));
        result.AddRange(body);
        return result.ToArray();
    }

    private byte[] RandomWords(int count)
    {
        var junk = new byte[32 * count];
        random.NextBytes(junk);
        return junk;
    }

    private static AbiType[] Repeat(AbiType type, int count) => Enumerable.Repeat(type, count).ToArray();

    // Two's complement over 256 bits: a negative x is stored as 2^256 + x.
    private static byte[] Word(BigInteger value)
    {
        var unsigned = value.Sign < 0 ? (BigInteger.One << 256) + value : value;
        var bytes = unsigned.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }

    private static byte[] RightPadded(byte[] content) => [.. content, .. new byte[(32 - content.Length % 32) % 32]];
}
