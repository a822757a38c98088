namespace Ledger.Chain.Abi;

/// <summary>
/// Bounds that keep type parsing and decoding of untrusted input finite. Every limit is far
/// above what a real contract interface uses; hitting one means the input is hostile or broken.
/// </summary>
public static class AbiLimits
{
    /// <summary>Longest type or signature text accepted by the parsers, in characters.</summary>
    public const int MaxTypeTextLength = 16_384;

    /// <summary>Deepest nesting of arrays and tuples in one type (e.g. <c>uint8[][]</c> has depth 2).</summary>
    public const int MaxTypeDepth = 32;

    /// <summary>Largest <c>k</c> in a fixed-size array type <c>T[k]</c>.</summary>
    public const int MaxFixedArrayLength = 1_000_000;

    /// <summary>Largest in-place (head) size of a static type, in bytes.</summary>
    public const int MaxStaticSize = 4 * 1024 * 1024;

    /// <summary>
    /// Decoding may produce at most this many "units" (about one per byte of result) plus
    /// <see cref="DecodeExpansionFactor"/> per input byte. Offsets may legally overlap, so
    /// without a bound a few hundred crafted bytes could expand into gigabytes of values.
    /// </summary>
    public const long DecodeBaseAllowance = 1L << 20;

    /// <summary>Decoding units allowed per byte of input, on top of <see cref="DecodeBaseAllowance"/>.</summary>
    public const long DecodeExpansionFactor = 64;
}
