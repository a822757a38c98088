using System.Text;

namespace Ledger.Cli.Output;

/// <summary>Authority codes are stored as bytes32 (ASCII, zero-padded); shows them as the text they were.</summary>
public static class CodeText
{
    /// <summary>"CH-FSVO" for 0x43482d4653564f00…; the hex itself when it is not printable ASCII.</summary>
    public static string Readable(string hex)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length == 0 || digits.Length % 2 != 0)
            return hex;
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            return hex;
        }
        var length = Array.IndexOf(bytes, (byte)0);
        if (length < 0)
            length = bytes.Length;
        if (length == 0 || bytes.Skip(length).Any(b => b != 0) || bytes.Take(length).Any(b => b is < 0x20 or > 0x7e))
            return hex;
        return Encoding.ASCII.GetString(bytes, 0, length);
    }
}
