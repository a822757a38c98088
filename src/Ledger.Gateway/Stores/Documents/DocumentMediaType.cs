using System.Text.RegularExpressions;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>The media type stored beside a document: a bare "type/subtype", lower case, no parameters.</summary>
public static partial class DocumentMediaType
{
    /// <summary>Returns the normalised media type.</summary>
    /// <exception cref="ArgumentException">Not a type/subtype of RFC 6838 characters, or too long.</exception>
    public static string Normalise(string? mediaType)
    {
        var trimmed = (mediaType ?? "").Trim().ToLowerInvariant();
        if (trimmed.Length > DocumentStoreLimits.MaxMediaTypeLength || !Pattern().IsMatch(trimmed))
        {
            throw new ArgumentException(
                $"A document's media type is a type/subtype such as application/xml or application/pdf, at most {DocumentStoreLimits.MaxMediaTypeLength} characters.",
                nameof(mediaType));
        }
        return trimmed;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")]
    private static partial Regex Pattern();
}
