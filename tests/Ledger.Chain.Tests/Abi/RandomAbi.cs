using System.Globalization;
using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Seeded random ABI types and values for differential tests, and their argument syntax for
/// cast ("[1, 2]", "(0x.., \"text\")"). Types stay within what cast accepts: no empty tuples
/// and no zero-length fixed arrays.
/// </summary>
internal sealed class RandomAbi(int seed)
{
    // Commas, brackets and non-ASCII (including a surrogate pair) exercise cast's parser and
    // UTF-8; quotes, backslashes and '-' are left out because cast's argument syntax has no
    // escapes and treats a leading "--" as an option.
    private static readonly string[] Characters =
        ["a", "b", "Z", "0", "9", " ", ",", ";", "[", "]", "(", ")", "{", "_", ".", "é", "€", "✓", "𝄞", "ß"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    /// <summary>A random type nested at most <paramref name="maxDepth"/> levels.</summary>
    public AbiType Type(int maxDepth = 3)
    {
        var roll = _random.Next(10);
        if (maxDepth == 0 || roll < 6)
            return Elementary();
        if (roll < 8)
            return new AbiArrayType(Type(maxDepth - 1), _random.Next(2) == 0 ? null : _random.Next(1, 4));
        return Tuple(_random.Next(1, 4), maxDepth - 1);
    }

    public AbiTupleType Tuple(int count, int maxDepth = 3) =>
        new(Enumerable.Range(0, count).Select(i => new AbiParameter(Identifier(), Type(maxDepth))));

    public AbiType Elementary() => _random.Next(7) switch
    {
        0 => AbiIntegerType.UInt(8 * _random.Next(1, 33)),
        1 => AbiIntegerType.Int(8 * _random.Next(1, 33)),
        2 => AbiAddressType.Instance,
        3 => AbiBoolType.Instance,
        4 => AbiFixedBytesType.Of(_random.Next(1, 33)),
        5 => AbiBytesType.Instance,
        _ => AbiStringType.Instance,
    };

    /// <summary>A name that is a valid Solidity identifier.</summary>
    public string Identifier()
    {
        const string first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        const string rest = first + "0123456789";
        var length = _random.Next(1, 12);
        var chars = new char[length];
        chars[0] = first[_random.Next(first.Length)];
        for (var i = 1; i < length; i++)
            chars[i] = rest[_random.Next(rest.Length)];
        return new string(chars);
    }

    /// <summary>A random value of <paramref name="type"/> in the shapes the decoder produces (tuples as object?[]).</summary>
    public object? Value(AbiType type) => type switch
    {
        AbiIntegerType integer => Integer(integer),
        AbiAddressType => new Address(Bytes(20)),
        AbiBoolType => _random.Next(2) == 1,
        AbiFixedBytesType fixedBytes => Bytes(fixedBytes.Size),
        AbiBytesType => Bytes(_random.Next(5) == 0 ? 0 : _random.Next(0, 70)),
        AbiStringType => Text(_random.Next(0, 24)),
        AbiArrayType array => Enumerable.Range(0, array.Length ?? _random.Next(0, 4)).Select(_ => Value(array.Element)).ToArray(),
        AbiTupleType tuple => tuple.Components.Select(c => Value(c.Type)).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ABI type"),
    };

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public string Text(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Characters[_random.Next(Characters.Length)]));

    /// <summary>Edge values often (min, max, 0, ±1), otherwise a random magnitude of random bit length.</summary>
    public BigInteger Integer(AbiIntegerType type)
    {
        switch (_random.Next(8))
        {
            case 0: return type.MinValue;
            case 1: return type.MaxValue;
            case 2: return type.IsSigned ? -BigInteger.One : BigInteger.One;
            case 3: return BigInteger.Zero;
        }
        var bits = _random.Next(1, type.IsSigned ? type.Bits : type.Bits + 1);
        var magnitude = new BigInteger(Bytes(bits / 8 + 1), isUnsigned: true) % (BigInteger.One << bits);
        return type.IsSigned && _random.Next(2) == 0 ? -magnitude : magnitude;
    }

    /// <summary>
    /// The value in cast's argument syntax. Strings are always quoted: cast trims trailing
    /// spaces from an unquoted string, even at the top level.
    /// </summary>
    public static string CastArgument(AbiType type, object? value) => type switch
    {
        AbiIntegerType => ((BigInteger)value!).ToString(CultureInfo.InvariantCulture),
        AbiAddressType => Hex.Encode(((Address)value!).Bytes),
        AbiBoolType => (bool)value! ? "true" : "false",
        AbiFixedBytesType or AbiBytesType => Hex.Encode((byte[])value!),
        AbiStringType => "\"" + (string)value! + "\"",
        AbiArrayType array => "[" + string.Join(", ", ((object?[])value!).Select(v => CastArgument(array.Element, v))) + "]",
        AbiTupleType tuple => "(" + string.Join(", ", ((object?[])value!).Select((v, i) => CastArgument(tuple.Components[i].Type, v))) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ABI type"),
    };
}
