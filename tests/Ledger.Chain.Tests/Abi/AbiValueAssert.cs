using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Structural equality of an expected value (as generated: BigInteger, Address, byte[],
/// string, bool, object?[] for arrays and tuples) and a decoded one, guided by the type.
/// Failures name the path of the differing value.
/// </summary>
internal static class AbiValueAssert
{
    public static void Equal(AbiType type, object? expected, object? actual, string path = "value")
    {
        switch (type)
        {
            case AbiIntegerType:
                Check(Assert.IsType<BigInteger>(actual) == (BigInteger)expected!, path, expected, actual);
                break;
            case AbiAddressType:
                Check(Assert.IsType<Address>(actual) == (Address)expected!, path, expected, actual);
                break;
            case AbiBoolType:
                Check(Assert.IsType<bool>(actual) == (bool)expected!, path, expected, actual);
                break;
            case AbiFixedBytesType or AbiBytesType:
                Check(Assert.IsType<byte[]>(actual).AsSpan().SequenceEqual((byte[])expected!), path, expected, actual);
                break;
            case AbiStringType:
                Check(Assert.IsType<string>(actual) == (string)expected!, path, expected, actual);
                break;
            case AbiArrayType array:
                EqualSequence(_ => array.Element, (IReadOnlyList<object?>)expected!, actual, path, "[{0}]");
                break;
            case AbiTupleType tuple:
                Assert.IsType<AbiTuple>(actual);
                EqualSequence(i => tuple.Components[i].Type, (IReadOnlyList<object?>)expected!, actual, path, ".{0}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ABI type");
        }
    }

    private static void EqualSequence(Func<int, AbiType> typeAt, IReadOnlyList<object?> expected, object? actual, string path, string segment)
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(actual);
        Check(list.Count == expected.Count, path + ".Count", expected.Count, list.Count);
        for (var i = 0; i < expected.Count; i++)
            Equal(typeAt(i), expected[i], list[i], path + string.Format(System.Globalization.CultureInfo.InvariantCulture, segment, i));
    }

    private static void Check(bool equal, string path, object? expected, object? actual)
    {
        if (!equal)
            Assert.Fail($"{path}: expected {AbiValueText.Format(expected)}, got {AbiValueText.Format(actual)}");
    }
}
