using System.Numerics;

namespace Ledger.Chain.Abi;

/// <summary><c>uintN</c> or <c>intN</c>, N from 8 to 256 in steps of 8. Values are <see cref="BigInteger"/>.</summary>
public sealed class AbiIntegerType : AbiType
{
    private static readonly AbiIntegerType[] Unsigned = CreateAll(signed: false);
    private static readonly AbiIntegerType[] Signed = CreateAll(signed: true);

    private AbiIntegerType(bool isSigned, int bits)
    {
        IsSigned = isSigned;
        Bits = bits;
        CanonicalName = (isSigned ? "int" : "uint") + bits;
        MinValue = isSigned ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
        MaxValue = (BigInteger.One << (isSigned ? bits - 1 : bits)) - 1;
    }

    /// <summary><c>uint256</c>.</summary>
    public static AbiIntegerType UInt256 => Unsigned[^1];

    /// <summary><c>int256</c>.</summary>
    public static AbiIntegerType Int256 => Signed[^1];

    /// <summary>True for <c>intN</c>, false for <c>uintN</c>.</summary>
    public bool IsSigned { get; }

    /// <summary>Width in bits.</summary>
    public int Bits { get; }

    /// <summary>Smallest value the type holds.</summary>
    public BigInteger MinValue { get; }

    /// <summary>Largest value the type holds.</summary>
    public BigInteger MaxValue { get; }

    /// <inheritdoc />
    public override string CanonicalName { get; }

    /// <inheritdoc />
    public override bool IsDynamic => false;

    /// <inheritdoc />
    public override int HeadSize => AbiWord.Size;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override bool IsWordValue => true;

    /// <summary><c>uintN</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">N is not a multiple of 8 between 8 and 256.</exception>
    public static AbiIntegerType UInt(int bits) => Unsigned[IndexOf(bits)];

    /// <summary><c>intN</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">N is not a multiple of 8 between 8 and 256.</exception>
    public static AbiIntegerType Int(int bits) => Signed[IndexOf(bits)];

    /// <summary>True when <paramref name="bits"/> is a valid width (8..256, multiple of 8).</summary>
    public static bool IsValidWidth(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0;

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var integer = AbiValueConversions.ToInteger(value, this);
        if (integer < MinValue || integer > MaxValue)
            throw new AbiEncodingException(this,
                $"{AbiValueText.Shorten(integer.ToString(System.Globalization.CultureInfo.InvariantCulture), 100)} " +
                $"is outside the range of {CanonicalName} ({MinValue}..{MaxValue})");
        AbiWord.WriteInteger(writer.Span(position, AbiWord.Size), integer);
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        var word = reader.Word(position);
        var size = Bits / 8;
        var high = word[..(AbiWord.Size - size)];
        var low = word[(AbiWord.Size - size)..];
        // The bits above N must be what the encoder writes (zero, or the sign for intN); anything
        // else is a different number that a sloppy decoder would silently truncate.
        var expected = IsSigned && (low[0] & 0x80) != 0 ? (byte)0xff : (byte)0;
        if (high.ContainsAnyExcept(expected))
            throw new AbiDecodingException(
                IsSigned
                    ? $"{CanonicalName} word {AbiWord.Describe(word)} is not sign-extended (dirty high-order bits)"
                    : $"{CanonicalName} word {AbiWord.Describe(word)} has non-zero high-order bits",
                position);
        return new BigInteger(low, isUnsigned: !IsSigned, isBigEndian: true);
    }

    private static int IndexOf(int bits) => IsValidWidth(bits)
        ? bits / 8 - 1
        : throw new ArgumentOutOfRangeException(nameof(bits), bits, "Integer width must be a multiple of 8 from 8 to 256.");

    private static AbiIntegerType[] CreateAll(bool signed) =>
        Enumerable.Range(1, 32).Select(i => new AbiIntegerType(signed, i * 8)).ToArray();
}
