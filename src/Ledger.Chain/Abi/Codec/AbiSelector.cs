using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>The 4-byte selectors of functions and errors, and the shared "selector + arguments" layout.</summary>
internal static class AbiSelector
{
    /// <summary>Size of a selector in bytes.</summary>
    public const int Size = 4;

    /// <summary>First 4 bytes of the Keccak-256 of the canonical signature.</summary>
    public static byte[] Compute(string signature) => Keccak256.HashUtf8(signature)[..Size];

    /// <summary>Checks that <paramref name="data"/> starts with <paramref name="selector"/> and returns what follows.</summary>
    public static ReadOnlySpan<byte> StripSelector(ReadOnlySpan<byte> data, ReadOnlySpan<byte> selector, string context)
    {
        if (data.Length < Size)
            throw WithContext(new AbiDecodingException($"{data.Length} bytes are too short to hold a 4-byte selector", 0), context);
        if (!data[..Size].SequenceEqual(selector))
            throw WithContext(new AbiDecodingException(
                $"selector {Hex.Encode(data[..Size])} is not {Hex.Encode(selector)}", 0), context);
        return data[Size..];
    }

    private static AbiDecodingException WithContext(AbiDecodingException e, string context)
    {
        e.SetContext(context);
        return e;
    }
}
