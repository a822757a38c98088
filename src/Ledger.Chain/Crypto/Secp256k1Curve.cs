using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Ledger.Chain.Crypto;

/// <summary>
/// The secp256k1 domain shared by keys, signing and recovery. BouncyCastle's custom curve
/// (specialised field arithmetic and the GLV endomorphism) is several times faster than the
/// generic one; the comb multiplier caches its precomputed table on <see cref="G"/>, so the
/// same point object must be used for every base-point multiplication.
/// </summary>
internal static class Secp256k1Curve
{
    /// <summary>Size in bytes of a scalar (private key, r, s) and of a field element.</summary>
    internal const int ScalarSize = 32;

    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");

    private static readonly byte[] OrderBytes = BigIntegers.AsUnsignedByteArray(ScalarSize, Parameters.N);

    private static readonly byte[] HalfOrderBytes = BigIntegers.AsUnsignedByteArray(ScalarSize, Parameters.N.ShiftRight(1));

    /// <summary>The curve.</summary>
    internal static ECCurve Curve { get; } = Parameters.Curve;

    /// <summary>The generator; always this instance, so its comb precomputation is reused.</summary>
    internal static ECPoint G { get; } = Parameters.G;

    /// <summary>The group order n.</summary>
    internal static BcBigInteger N { get; } = Parameters.N;

    /// <summary>n / 2, the largest "low" s (EIP-2).</summary>
    internal static BcBigInteger HalfN { get; } = Parameters.N.ShiftRight(1);

    /// <summary>Fixed-base multiplier for k·G (table built once on first use, thread-safe in BouncyCastle).</summary>
    internal static ECMultiplier BaseMultiplier { get; } = new FixedPointCombMultiplier();

    /// <summary>True when the 32-byte big-endian value is in [1, n-1].</summary>
    internal static bool IsValidScalar(ReadOnlySpan<byte> bigEndian32) =>
        bigEndian32.Length == ScalarSize
        && bigEndian32.IndexOfAnyExcept((byte)0) >= 0
        && bigEndian32.SequenceCompareTo(OrderBytes) < 0;

    /// <summary>True when the 32-byte big-endian value is at most n/2 (EIP-2 "low s").</summary>
    internal static bool IsLowS(ReadOnlySpan<byte> bigEndian32) => bigEndian32.SequenceCompareTo(HalfOrderBytes) <= 0;

    /// <summary>Reads an unsigned big-endian scalar.</summary>
    internal static BcBigInteger ToScalar(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);

    /// <summary>Writes a scalar as exactly 32 big-endian bytes.</summary>
    internal static byte[] ToBytes32(BcBigInteger value) => BigIntegers.AsUnsignedByteArray(ScalarSize, value);

    /// <summary>Computes n - value for a 32-byte big-endian scalar in [1, n-1].</summary>
    internal static byte[] Negate(ReadOnlySpan<byte> bigEndian32) => ToBytes32(N.Subtract(ToScalar(bigEndian32)));
}
