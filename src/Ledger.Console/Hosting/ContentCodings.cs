using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ledger.Console.Hosting;

/// <summary>The content codings the console's assets come in, and the choice among them for a request's Accept-Encoding.</summary>
internal static class ContentCodings
{
    /// <summary>Brotli (RFC 7932): the smaller, preferred when the client rates it as high as gzip.</summary>
    public const string Brotli = "br";

    /// <summary>gzip (RFC 1952): what every client takes.</summary>
    public const string Gzip = "gzip";

    /// <summary>
    /// The coding to send for <paramref name="acceptEncoding"/>: br or gzip, whichever the client
    /// rates higher (br on a tie), or null for the file as it is (no header, nothing acceptable,
    /// an unreadable header). A coding not named takes the quality of <c>*</c>, if present.
    /// </summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered))
            return null;
        var brotli = Quality(offered, Brotli);
        var gzip = Quality(offered, Gzip);
        if (brotli <= 0 && gzip <= 0)
            return null;
        return brotli >= gzip ? Brotli : Gzip;
    }

    private static double Quality(IList<StringWithQualityHeaderValue> offered, string coding)
    {
        var named = offered.FirstOrDefault(value => StringSegment.Equals(value.Value, coding, StringComparison.OrdinalIgnoreCase))
            ?? offered.FirstOrDefault(value => value.Value.Equals("*", StringComparison.Ordinal));
        return named is null ? 0 : named.Quality ?? 1;
    }
}
