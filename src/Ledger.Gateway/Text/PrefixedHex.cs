using System.Diagnostics.CodeAnalysis;

namespace Ledger.Gateway.Text;

/// <summary>
/// "0x"-prefixed hex text of a fixed length (addresses, permit keys, block hashes), checked
/// and normalised to lower case in one place. The chain layer's Hex type is not referenced
/// yet, and this is all the gateway's foundations need of it.
/// </summary>
public static class PrefixedHex
{
    /// <summary>
    /// Normalises <paramref name="text"/> (surrounding spaces, "0x" or "0X", any letter case)
    /// to "0x" + <paramref name="digits"/> lower-case hex digits, or returns false.
    /// </summary>
    public static bool TryNormalise(string? text, int digits, [NotNullWhen(true)] out string? normalised)
    {
        normalised = null;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != digits + 2 || !trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        if (trimmed.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF"))
            return false;
        normalised = "0x" + trimmed[2..].ToLowerInvariant();
        return true;
    }
}
