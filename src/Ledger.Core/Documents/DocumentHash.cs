using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;

namespace Ledger.Core.Documents;

/// <summary>
/// The SHA-256 of a permit document exactly as the issuing authority holds it, anchored
/// on chain so anyone holding a copy can tell whether it is the registered one.
/// </summary>
/// <remarks>
/// The hash is over the raw bytes as received — no XML canonicalisation, no whitespace or
/// encoding clean-up. Any party can then reproduce it with <c>sha256sum permit.xml</c>,
/// with no library and no agreement on a canonicalisation algorithm, whose subtle
/// differences between implementations would make honest copies fail to match. The price
/// is that a copy must be byte-identical: authorities exchange the file, not a re-serialised
/// version of it. SHA-256 rather than Keccak-256 because it is the hash document tools
/// already offer everywhere.
/// </remarks>
/// <param name="Value">The 32 digest bytes.</param>
public readonly record struct DocumentHash(Bytes32 Value)
{
    /// <summary>
    /// Largest document accepted: 4 MiB. A CITES XML permit or ePhyto is tens of
    /// kilobytes; the bound keeps one request from occupying a gateway.
    /// </summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>Hashes <paramref name="document"/>, refusing empty or oversized input.</summary>
    public static bool TryCompute(ReadOnlySpan<byte> document, out DocumentHash hash, [NotNullWhen(false)] out string? error)
    {
        hash = default;
        error = CheckSize(document.Length);
        if (error is not null)
            return false;
        Span<byte> digest = stackalloc byte[Bytes32.Length];
        SHA256.HashData(document, digest);
        hash = new DocumentHash(new Bytes32(digest));
        return true;
    }

    /// <summary>Hashes <paramref name="document"/>.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when the document is empty or too large.</exception>
    public static DocumentHash Compute(ReadOnlySpan<byte> document) =>
        TryCompute(document, out var hash, out var error) ? hash : throw LedgerException.InvalidArgument("document", error);

    /// <summary>
    /// Says why a document of <paramref name="length"/> bytes cannot be registered, or null
    /// when it can. Lets callers refuse an upload before reading all of it.
    /// </summary>
    public static string? CheckSize(long length) =>
        length == 0 ? "document is empty"
        : length > MaxDocumentBytes ? $"document has {length} bytes; the ledger accepts at most {MaxDocumentBytes} (4 MiB)"
        : null;

    /// <summary>
    /// Parses a presented hash: 64 hex digits, either case, with or without "0x" (so the
    /// output of <c>sha256sum</c> can be pasted as is). The all-zero value is refused: no
    /// document hashes to it, and on chain it means "no permit".
    /// </summary>
    public static bool TryParse(string? text, out DocumentHash hash, [NotNullWhen(false)] out string? error)
    {
        hash = default;
        if (!Bytes32.TryParseHex(text, out var value, out var hexError))
        {
            error = $"document hash must be a SHA-256 in hex: {hexError}";
            return false;
        }
        if (value.IsZero)
        {
            error = "document hash is all zeros, which is no document's SHA-256";
            return false;
        }
        hash = new DocumentHash(value);
        error = null;
        return true;
    }

    /// <summary>Parses a presented hash.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when the text is not a SHA-256 in hex.</exception>
    public static DocumentHash Parse(string text) =>
        TryParse(text, out var hash, out var error) ? hash : throw LedgerException.InvalidArgument("documentHash", error);

    /// <summary>Lower-case "0x" hex.</summary>
    public override string ToString() => Value.ToHex();
}
