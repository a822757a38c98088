using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Ledger.Console.Hosting;

/// <summary>
/// The console's stylesheet and scripts, embedded in this assembly and served from it (no CDN,
/// nothing to install, no static web assets manifest that each host would have to find).
/// Pages link <see cref="Url"/>, a fingerprinted URL a browser keeps for a year without asking
/// again; <c>/assets/{name}</c> still answers (pages a browser kept from before an upgrade, bookmarks), revalidated by ETag.
/// Only these files are compressed: they hold no secret and nothing from the request, so
/// compressing them over TLS gives nothing away (BREACH); the pages, which carry antiforgery
/// tokens and permit data, are not.
/// </summary>
internal static class ConsoleAssets
{
    /// <summary>A fingerprinted URL never serves other content: a browser need not revalidate it for a year.</summary>
    private const string ForeverCacheControl = "public, max-age=31536000, immutable";

    /// <summary>The plain URL may serve a new version after an upgrade: a browser revalidates it (a 304 when unchanged).</summary>
    private const string RevalidatedCacheControl = "no-cache";

    // HEAD too: caches and link checkers ask for the headers alone (the result sends no body to it).
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static readonly (string Name, string ContentType)[] Files =
    [
        ("console.css", "text/css; charset=utf-8"),
        ("scan.js", "text/javascript; charset=utf-8"),
        // jsQR 1.4.0 (npm, Apache-2.0, licence beside it in Assets/), as published: scan.js loads it where the browser cannot read QR codes itself.
        ("jsQR.js", "text/javascript; charset=utf-8"),
        ("print.js", "text/javascript; charset=utf-8"),
    ];

    // The embedded files cannot change while the assembly is loaded: read, hashed and compressed once
    // per process, however many consoles it hosts (the browser tests start one per authority).
    private static readonly Lazy<IReadOnlyDictionary<string, ConsoleAsset>> Catalog = new(() =>
        Files.ToDictionary(file => file.Name, file => new ConsoleAsset(file.Name, file.ContentType, Read(file.Name)), StringComparer.Ordinal));

    /// <summary>Every embedded asset, for <see cref="ConsoleAssetEncoding"/> to prepare.</summary>
    public static IEnumerable<ConsoleAsset> All => Catalog.Value.Values;

    /// <summary>The fingerprinted URL of the asset <paramref name="name"/> (e.g. "scan.js"), for pages to link.</summary>
    /// <exception cref="ArgumentException">No such asset is embedded.</exception>
    public static string Url(string name) => Catalog.Value.TryGetValue(name, out var asset)
        ? asset.FingerprintedPath
        : throw new ArgumentException($"The console has no asset named {name}.", nameof(name));

    /// <summary>
    /// Maps GET <c>/assets/{name}</c> and its fingerprinted URL for each embedded file, anonymous
    /// (the identity picker needs the stylesheet too). A URL with another fingerprint is not found.
    /// </summary>
    public static IEnumerable<IEndpointConventionBuilder> Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var asset in Catalog.Value.Values)
        {
            // Typed as route handlers (Delegate), not RequestDelegates, so that the IResult they return is written.
            Func<HttpContext, Task<IResult>> forever = context => Serve(context, asset, ForeverCacheControl);
            Func<HttpContext, Task<IResult>> revalidated = context => Serve(context, asset, RevalidatedCacheControl);
            yield return endpoints.MapMethods(asset.FingerprintedPath, GetAndHead, forever).AllowAnonymous();
            yield return endpoints.MapMethods($"/assets/{asset.Name}", GetAndHead, revalidated).AllowAnonymous();
        }
    }

    private static async Task<IResult> Serve(HttpContext context, ConsoleAsset asset, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.XContentTypeOptions = "nosniff";
        // Caches keep one copy per encoding, and a client that takes none gets the file as it is.
        headers.Vary = HeaderNames.AcceptEncoding;
        var coding = ContentCodings.Choose(context.Request.Headers.AcceptEncoding);
        // Prepared at startup; a request that comes sooner waits for the rest of the encoding under way
        // (a fraction of a second, once per process) rather than take a file several times its size.
        var encoded = coding is null ? null : await asset.EncodedAsync(coding).ConfigureAwait(false);
        if (coding is null || encoded is null)
            return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: ETag(asset, "identity"));
        headers.ContentEncoding = coding;
        // Each encoding is a representation of its own, with its own strong ETag.
        return Results.Bytes(encoded, asset.ContentType, entityTag: ETag(asset, coding));
    }

    private static EntityTagHeaderValue ETag(ConsoleAsset asset, string coding) => new($"\"{asset.Fingerprint}-{coding}\"");

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Ledger.Console.Assets." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded in {typeof(ConsoleAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
