using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Checks the text form of an authority's account address ("0x" + 40 hex digits) in
/// configuration with Core's <see cref="Address"/> (mixed case must carry a valid EIP-55
/// checksum), and keeps it as lower-case text, the form identities compare by.
/// </summary>
public static class AuthorityAddressText
{
    /// <summary>Normalises <paramref name="text"/> to "0x" + 40 lower-case hex digits, or returns false.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address)
    {
        address = Address.TryParse(text?.Trim(), out var parsed, out _) ? parsed.ToLowerHex() : null;
        return address is not null;
    }
}
