using System.Text;
using Ledger.Core.Primitives;

namespace Ledger.Contracts;

/// <summary>
/// The <c>bytes32 code</c> of an authority: a display-name hash or a short ASCII code stored
/// left-aligned and zero-padded ("FSVO" becomes 0x4653564f00…00), as <c>cast format-bytes32-string</c>
/// and the contracts' deploy script produce it.
/// </summary>
public static class AuthorityCode
{
    /// <summary>Encodes a short code of 1 to 32 printable ASCII characters.</summary>
    /// <exception cref="ArgumentException">Empty, longer than 32 characters or not printable ASCII.</exception>
    public static Bytes32 FromText(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length is 0 or > Bytes32.Length || code.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException("An authority code is 1 to 32 printable ASCII characters, e.g. \"FSVO\".", nameof(code));
        var bytes = new byte[Bytes32.Length];
        Encoding.ASCII.GetBytes(code, bytes);
        return new Bytes32(bytes);
    }

    /// <summary>The text of a code made by <see cref="FromText"/>; null when the value is not such a code (e.g. a hash).</summary>
    public static string? TryGetText(Bytes32 code)
    {
        ReadOnlySpan<byte> bytes = code.ToArray();
        var length = bytes.IndexOf((byte)0);
        if (length < 0)
            length = bytes.Length;
        if (length == 0 || bytes[length..].ContainsAnyExcept((byte)0) || bytes[..length].ContainsAnyExceptInRange((byte)' ', (byte)'~'))
            return null;
        return Encoding.ASCII.GetString(bytes[..length]);
    }
}
