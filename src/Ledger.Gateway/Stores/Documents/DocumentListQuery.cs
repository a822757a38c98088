using System.Globalization;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// One page of the issuer's stored documents, newest first (<see cref="IDocumentStore.ListNewestAsync"/>).
/// </summary>
public sealed record DocumentListQuery
{
    /// <summary>Documents per page, 1 to <see cref="DocumentStoreLimits.MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DocumentStoreLimits.MaxPageSize;

    /// <summary>
    /// Only permits whose number starts with this (normalised like a permit number: trimmed,
    /// ASCII upper-cased), e.g. "CH/2026/"; empty for all. Rows stored before the store kept
    /// numbers have none and never match a prefix.
    /// </summary>
    public string PermitIdPrefix { get; init; } = "";

    /// <summary>The <see cref="DocumentListPage.NextPageToken"/> of the previous page; empty for the first.</summary>
    public string PageToken { get; init; } = "";

    /// <summary>The prefix as stored numbers spell it.</summary>
    /// <exception cref="ArgumentException">The prefix has a character no permit number has, or is too long.</exception>
    internal string NormalisedPrefix()
    {
        var prefix = PermitIdPrefix.Trim().ToUpperInvariant();
        if (prefix.Length > PermitId.MaxLength)
            throw new ArgumentException($"The permit number prefix has {prefix.Length} characters; a permit number has at most {PermitId.MaxLength}.");
        var wrong = prefix.FirstOrDefault(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '-' or '.' or '_'));
        if (wrong != default)
            throw new ArgumentException($"The permit number prefix has '{wrong}'; permit numbers have only letters, digits and / - . _");
        return prefix;
    }

    /// <summary>Checks <see cref="PageSize"/>.</summary>
    /// <exception cref="ArgumentException">It is out of range.</exception>
    internal int CheckedPageSize() => PageSize is >= 1 and <= DocumentStoreLimits.MaxPageSize
        ? PageSize
        : throw new ArgumentException($"Ask for 1 to {DocumentStoreLimits.MaxPageSize} documents per page, not {PageSize}.");

    /// <summary>Where the page starts: after (stored at, permit key) of the previous page's last row; null for the first page.</summary>
    /// <exception cref="ArgumentException">The token is not one this store gave.</exception>
    internal (long StoredAtMs, Bytes32 Key)? After()
    {
        if (PageToken.Length == 0)
            return null;
        var parts = PageToken.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var storedAt)
            && parts[1].Length == 64 && parts[1].All(char.IsAsciiHexDigitLower))
            return (storedAt, new Bytes32(Convert.FromHexString(parts[1])));
        throw new ArgumentException("The page token is not one this store gave; start again from the first page.");
    }

    /// <summary>The token for the page after <paramref name="last"/>.</summary>
    internal static string TokenAfter(DocumentMetadata last) =>
        string.Create(CultureInfo.InvariantCulture, $"{last.StoredAt.ToUnixTimeMilliseconds()}.{Convert.ToHexStringLower(last.PermitKey.Value.ToArray())}");
}

/// <summary>A page of <see cref="IDocumentStore.ListNewestAsync"/>.</summary>
/// <param name="Documents">What is stored, newest first (metadata only, nothing decrypted).</param>
/// <param name="NextPageToken">The token for the next page; empty on the last.</param>
public sealed record DocumentListPage(IReadOnlyList<DocumentMetadata> Documents, string NextPageToken);
