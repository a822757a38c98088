using Org.BouncyCastle.Crypto.Digests;

namespace Ledger.Chain.Primitives;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
/// </summary>
public static class Keccak256
{
    /// <summary>Size of the digest in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[Size];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="output"/> (at least 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < Size)
            throw new ArgumentException("Output must hold 32 bytes.", nameof(output));
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] HashUtf8(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
