using Ledger.Core.Primitives;

namespace Ledger.Core.Permits;

/// <summary>
/// The key a permit is stored under on chain: <c>keccak256</c> of the UTF-8 bytes of the
/// normalised permit ID (see <see cref="PermitId"/>). Reproducible with
/// <c>cast keccak "CH/2026/000123"</c>. Links between permits (previous, replacement) are
/// stored as keys, so a key can be known without the ID text it came from.
/// </summary>
/// <param name="Value">The 32 bytes.</param>
public readonly record struct PermitKey(Bytes32 Value)
{
    /// <summary>The key of a normalised permit ID text.</summary>
    internal static PermitKey OfNormalised(string normalisedId) => new(Keccak.HashUtf8(normalisedId));

    /// <summary>Lower-case "0x" hex.</summary>
    public override string ToString() => Value.ToHex();
}
