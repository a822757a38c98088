using System.Diagnostics.CodeAnalysis;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Checks the text form of an authority's account address ("0x" + 40 hex digits) in
/// configuration. The gateway keeps it as lower-case text until the chain layer is wired in;
/// the EIP-55 checksum form is the chain layer's business.
/// </summary>
public static class AuthorityAddressText
{
    /// <summary>Normalises <paramref name="text"/> to "0x" + 40 lower-case hex digits, or returns false.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != 42 || !trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var c in trimmed.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        address = "0x" + trimmed[2..].ToLowerInvariant();
        return true;
    }
}
