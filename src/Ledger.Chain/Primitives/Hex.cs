namespace Ledger.Chain.Primitives;

/// <summary>
/// Hex text as Ethereum JSON-RPC and tools write it: lower-case, "0x"-prefixed.
/// Parsing accepts either case, with or without the prefix, and rejects odd lengths.
/// </summary>
public static class Hex
{
    /// <summary>Encodes bytes as "0x" followed by two lower-case hex digits per byte.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Decodes hex text; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = HasPrefix(text) ? text.AsSpan(2) : text.AsSpan();
        if (digits.Length % 2 != 0)
            throw new FormatException($"Hex text has an odd number of digits ({digits.Length}).");
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException("Hex text contains a character that is not a hex digit.");
        }
    }

    /// <summary>Decodes hex text into exactly <paramref name="length"/> bytes.</summary>
    public static byte[] DecodeFixed(string text, int length)
    {
        var bytes = Decode(text);
        if (bytes.Length != length)
            throw new FormatException($"Expected {length} bytes of hex, got {bytes.Length}.");
        return bytes;
    }

    /// <summary>True when the text starts with "0x" or "0X".</summary>
    public static bool HasPrefix(string text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}
