using System.Text;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>
/// An authority's code on chain is a bytes32: a short code (1 to 32 printable ASCII
/// characters, left-aligned, zero-padded) or a display-name hash. Short codes read back as
/// text, anything else as 0x-hex.
/// </summary>
internal static class AuthorityCodeText
{
    /// <summary>The bytes32 for a short code or a 0x + 64 hex hash; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static byte[] Encode(string? text, string field)
    {
        var code = (text ?? "").Trim();
        if (code.Length == 66 && code.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Core.Primitives.Bytes32.TryParseHex(code, out var hash, out _))
            return hash.ToArray();
        if (code.Length is 0 or > 32 || code.Any(c => c is < ' ' or > '~'))
            throw new LedgerException(LedgerError.InvalidArgument(field,
                "give a short code of 1 to 32 printable ASCII characters (e.g. BAFU) or a 0x + 64 hex display-name hash"));
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(code, bytes);
        return bytes;
    }

    /// <summary>The code as text (short code) or 0x-hex.</summary>
    public static string Decode(byte[] code)
    {
        var length = Array.IndexOf(code, (byte)0);
        if (length < 0)
            length = code.Length;
        var isShortCode = length > 0
            && code.AsSpan(length).IndexOfAnyExcept((byte)0) < 0
            && code.AsSpan(0, length).IndexOfAnyExceptInRange((byte)' ', (byte)'~') < 0;
        return isShortCode ? Encoding.ASCII.GetString(code, 0, length) : "0x" + Convert.ToHexStringLower(code);
    }
}
