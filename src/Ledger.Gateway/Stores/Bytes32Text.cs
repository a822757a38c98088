using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Stores;

/// <summary>
/// "0x" + 64 hex digits as the stores keep them (permit keys, block hashes): parsed by Core's
/// <see cref="Bytes32"/>, written back in its lower-case form. The stores insist on the "0x"
/// that <see cref="Bytes32.TryParseHex"/> lets pasted text omit.
/// </summary>
public static class Bytes32Text
{
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>Normalises <paramref name="text"/> (surrounding spaces, "0x" or "0X", any letter case), or returns false.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? normalised)
    {
        // Most keys arrive normalised already (the gateway's own Bytes32.ToHex): kept as they are, without a copy.
        if (text is { Length: 66 } && text.StartsWith("0x", StringComparison.Ordinal) && !text.AsSpan(2).ContainsAnyExcept(LowerHexDigits))
        {
            normalised = text;
            return true;
        }
        var trimmed = text?.Trim();
        normalised = trimmed is not null && trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && Bytes32.TryParseHex(trimmed, out var value, out _) ? value.ToHex() : null;
        return normalised is not null;
    }
}
