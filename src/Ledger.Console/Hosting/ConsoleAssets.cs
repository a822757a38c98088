using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ledger.Console.Hosting;

/// <summary>The console's stylesheet and scripts, embedded in this assembly and served from it (no CDN, nothing to install).</summary>
internal static class ConsoleAssets
{
    private static readonly (string Name, string ContentType)[] Files =
    [
        ("console.css", "text/css; charset=utf-8"),
        ("scan.js", "text/javascript; charset=utf-8"),
        // jsQR 1.4.0 (npm, Apache-2.0, licence beside it in Assets/), as published: scan.js loads it where the browser cannot read QR codes itself.
        ("jsQR.js", "text/javascript; charset=utf-8"),
        ("print.js", "text/javascript; charset=utf-8"),
    ];

    /// <summary>Maps GET /assets/{name} for each embedded file, anonymous (the identity picker needs the stylesheet too).</summary>
    public static IEnumerable<IEndpointConventionBuilder> Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var (name, contentType) in Files)
        {
            var bytes = Read(name);
            yield return endpoints.MapGet($"/assets/{name}", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(bytes, contentType);
            }).AllowAnonymous();
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Ledger.Console.Assets." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded in {typeof(ConsoleAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
