using System.Diagnostics.CodeAnalysis;
using Ledger.Gateway.Text;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Checks the text form of an authority's account address ("0x" + 40 hex digits) in
/// configuration. The gateway keeps it as lower-case text until the chain layer is wired in;
/// the EIP-55 checksum form is the chain layer's business.
/// </summary>
public static class AuthorityAddressText
{
    /// <summary>Normalises <paramref name="text"/> to "0x" + 40 lower-case hex digits, or returns false.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address) =>
        PrefixedHex.TryNormalise(text, 40, out address);
}
