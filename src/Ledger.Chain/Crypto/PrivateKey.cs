using System.Security.Cryptography;
using Ledger.Chain.Primitives;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Ledger.Chain.Crypto;

/// <summary>
/// A secp256k1 private key: 32 bytes holding a number in [1, n-1]. The key material never
/// appears in <see cref="ToString"/> or in exception messages; <see cref="Dispose"/> zeroes
/// the buffer (the copy BouncyCastle keeps for signing cannot be zeroed and is dropped).
/// Instances are safe to share between threads for signing.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    /// <summary>Size of a private key in bytes.</summary>
    public const int Size = Secp256k1Curve.ScalarSize;

    private readonly byte[] _bytes;
    private BcBigInteger? _scalar;
    private PublicKey? _publicKey;
    private bool _disposed;

    private PrivateKey(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    /// <summary>Creates a key from 32 big-endian bytes (copied); throws when not in [1, n-1].</summary>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A private key is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        if (!Secp256k1Curve.IsValidScalar(bytes))
            throw new ArgumentException(
                "A private key must be a number from 1 to n-1 (the secp256k1 group order); this one is not.", nameof(bytes));
        return new PrivateKey(bytes);
    }

    /// <summary>Parses 64 hex digits, with or without "0x".</summary>
    public static PrivateKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        byte[] bytes;
        try
        {
            bytes = Hex.Decode(hex);
        }
        catch (FormatException error)
        {
            // Hex's messages name only lengths and the kind of problem, never the digits.
            throw new FormatException("A private key is 64 hex digits, optionally \"0x\"-prefixed. " + error.Message);
        }
        try
        {
            return FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Generates a fresh key from the operating system's CSPRNG.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> candidate = stackalloc byte[Size];
        try
        {
            // Rejection sampling: a value outside [1, n-1] has probability ~2^-128.
            do
            {
                RandomNumberGenerator.Fill(candidate);
            }
            while (!Secp256k1Curve.IsValidScalar(candidate));
            return new PrivateKey(candidate);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    /// <summary>The matching public key (computed once).</summary>
    public PublicKey PublicKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _publicKey ??= PublicKey.FromPoint(
                Secp256k1Curve.BaseMultiplier.Multiply(Secp256k1Curve.G, Scalar));
        }
    }

    /// <summary>The account address of this key.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>
    /// Returns a copy of the 32 key bytes. The caller owns the copy and should clear it
    /// (<see cref="CryptographicOperations.ZeroMemory"/>) when done.
    /// </summary>
    public byte[] ExportBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _bytes.ToArray();
    }

    /// <summary>The key as a BouncyCastle scalar, cached because signing needs it every time.</summary>
    internal BcBigInteger Scalar
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scalar ??= Secp256k1Curve.ToScalar(_bytes);
        }
    }

    /// <summary>Zeroes the key bytes; later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        CryptographicOperations.ZeroMemory(_bytes);
        _scalar = null;
        _disposed = true;
    }

    /// <summary>Names the key by its address only, e.g. "PrivateKey(0xAbC…)".</summary>
    public override string ToString() => _disposed ? "PrivateKey(disposed)" : $"PrivateKey({Address})";
}
