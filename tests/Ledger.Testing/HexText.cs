namespace Ledger.Testing;

/// <summary>Bytes as cast prints them: "0x" and lower-case hex digits.</summary>
public static class HexText
{
    /// <summary>"0x" + lower-case hex of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
