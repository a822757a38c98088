using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>
/// An authority's code as the API carries it: a short code (Ledger.Contracts' <see cref="AuthorityCode"/>)
/// or a display-name hash as 0x + 64 hex digits.
/// </summary>
internal static class AuthorityCodeText
{
    /// <summary>The bytes32 for a short code or a hash; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static Bytes32 Encode(string? text, string field)
    {
        var code = (text ?? "").Trim();
        if (code.Length == 66 && Core.Primitives.Bytes32.TryParseHex(code, out var hash, out _))
            return new Bytes32(hash.ToArray());
        try
        {
            return AuthorityCode.FromText(code);
        }
        catch (ArgumentException e)
        {
            throw new LedgerException(LedgerError.InvalidArgument(field, e.Message + " Or give a display-name hash as 0x + 64 hex digits."));
        }
    }

    /// <summary>The code as text (short code) or 0x-hex.</summary>
    public static string Decode(Bytes32 code) => AuthorityCode.TryGetText(code) ?? code.ToString();
}
