using Ledger.Chain.Primitives;
using Org.BouncyCastle.Math.EC;

namespace Ledger.Chain.Crypto;

/// <summary>
/// A secp256k1 public key in Ethereum's 64-byte form X || Y (the uncompressed SEC1
/// encoding without its 0x04 prefix). Its address is the last 20 bytes of keccak256(X || Y).
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    /// <summary>Size of the X || Y form in bytes.</summary>
    public const int Size = 64;

    private const byte UncompressedPrefix = 0x04;

    private readonly byte[] _bytes;

    private PublicKey(byte[] bytes)
    {
        _bytes = bytes;
        Address = new Address(Keccak256.Hash(bytes).AsSpan(Keccak256.Size - Address.Size));
    }

    /// <summary>
    /// Reads 64 bytes X || Y, or 65 bytes 0x04 || X || Y; throws when the point is not on the curve.
    /// </summary>
    public static PublicKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> sec1 = stackalloc byte[Size + 1];
        if (bytes.Length == Size)
            bytes.CopyTo(sec1[1..]);
        else if (bytes.Length == Size + 1 && bytes[0] == UncompressedPrefix)
            bytes.CopyTo(sec1);
        else
            throw new ArgumentException(
                $"A public key is {Size} bytes (X || Y) or {Size + 1} bytes starting with 0x04, got {bytes.Length}.", nameof(bytes));
        sec1[0] = UncompressedPrefix;
        ECPoint point;
        try
        {
            point = Secp256k1Curve.Curve.DecodePoint(sec1);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("The bytes are not a point on secp256k1.", nameof(bytes));
        }
        return FromPoint(point);
    }

    /// <summary>Parses hex of the 64- or 65-byte form.</summary>
    public static PublicKey FromHex(string hex) => FromBytes(Hex.Decode(hex));

    /// <summary>Wraps a curve point (e.g. the result of k·G or of recovery).</summary>
    internal static PublicKey FromPoint(ECPoint point)
    {
        var normalized = point.Normalize();
        if (normalized.IsInfinity)
            throw new ArgumentException("The point at infinity is not a public key.", nameof(point));
        return new PublicKey(normalized.GetEncoded(false).AsSpan(1).ToArray());
    }

    /// <summary>The 64 bytes X || Y.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The account address: the last 20 bytes of keccak256(X || Y).</summary>
    public Address Address { get; }

    /// <summary>A copy of the 64 bytes X || Y.</summary>
    public byte[] ToBytes() => _bytes.ToArray();

    /// <summary>"0x" + 128 hex digits of X || Y.</summary>
    public override string ToString() => Hex.Encode(_bytes);

    /// <inheritdoc />
    public bool Equals(PublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
