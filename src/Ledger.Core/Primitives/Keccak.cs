using System.Text;
using Nethereum.Util;

namespace Ledger.Core.Primitives;

/// <summary>
/// Keccak-256 with Ethereum's original padding (not NIST SHA3-256), the hash Solidity's
/// <c>keccak256</c> and <c>cast keccak</c> compute: Nethereum's <see cref="Sha3Keccack"/>,
/// returned as the ledger's 32-byte value type.
/// </summary>
public static class Keccak
{
    /// <summary>Keccak-256 of <paramref name="data"/>.</summary>
    public static Bytes32 Hash(ReadOnlySpan<byte> data) => new(Sha3Keccack.Current.CalculateHash(data.ToArray()));

    /// <summary>Keccak-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static Bytes32 HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
