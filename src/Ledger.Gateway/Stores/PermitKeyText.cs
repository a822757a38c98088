namespace Ledger.Gateway.Stores;

/// <summary>The text form of a permit key in store APIs: "0x" + 64 hex digits, normalised to lower case.</summary>
public static class PermitKeyText
{
    /// <summary>Returns the normalised key.</summary>
    /// <exception cref="ArgumentException">Not "0x" + 64 hex digits.</exception>
    public static string Normalise(string permitKey)
    {
        ArgumentNullException.ThrowIfNull(permitKey);
        if (permitKey.Length != 66 || !permitKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !permitKey.AsSpan(2).ContainsOnlyHexDigits())
            throw new ArgumentException("A permit key is 0x followed by 64 hex digits.", nameof(permitKey));
        return "0x" + permitKey[2..].ToLowerInvariant();
    }

    private static bool ContainsOnlyHexDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }
}
