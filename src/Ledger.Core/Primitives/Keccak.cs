using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Ledger.Core.Primitives;

/// <summary>
/// Keccak-256 with Ethereum's original padding (not NIST SHA3-256), the hash Solidity's
/// <c>keccak256</c> and <c>cast keccak</c> compute. Core cannot reference Ledger.Chain,
/// so it keeps this one-call wrapper over BouncyCastle of its own.
/// </summary>
internal static class Keccak
{
    public static Bytes32 Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        Span<byte> output = stackalloc byte[Bytes32.Length];
        digest.DoFinal(output);
        return new Bytes32(output);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static Bytes32 HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
