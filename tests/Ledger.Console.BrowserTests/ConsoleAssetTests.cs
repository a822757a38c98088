using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Ledger.Console.BrowserTests.Support;
using Ledger.Console.Hosting;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// How the console serves its scripts and stylesheet, checked without a browser: pages link them by
/// a fingerprint of their content, under which they are cached for a year and sent compressed;
/// the pages themselves are never compressed (they carry antiforgery tokens and permit data).
/// Expected bytes and fingerprints come from the assembly's embedded files, not from the server's code.
/// </summary>
[Collection(ConsoleCollection.Name)]
public partial class ConsoleAssetTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_verify_page_links_its_scripts_by_the_fingerprint_of_their_current_content()
    {
        using var client = PlainClient();
        var page = await GetPageAsync(client, "/permits/verify");

        var script = ScanScriptTag().Match(page);
        Assert.True(script.Success, "the verify page links scan.js with jsQR's URL beside it");
        Assert.Equal(FingerprintedPath("scan.js"), script.Groups["scan"].Value);
        Assert.Equal(FingerprintedPath("jsQR.js"), script.Groups["jsqr"].Value);
        Assert.Contains($"href=\"{FingerprintedPath("console.css")}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsQR.js")]
    [InlineData("scan.js")]
    [InlineData("console.css")]
    public async Task A_fingerprinted_asset_is_cached_for_a_year_as_immutable_with_an_ETag_and_answers_304_to_it(string name)
    {
        using var client = PlainClient();
        var url = new Uri(fixture.Console("ch"), FingerprintedPath(name));

        var response = await client.GetAsync(url);
        var again = await ConditionalGetAsync(client, url, response.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Embedded(name), await response.Content.ReadAsByteArrayAsync());
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains("immutable", cache.Extensions.Select(extension => extension.Name));
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        // A shared cache keeps one copy per encoding: it must be told so on the file as it is and on a 304 alike.
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("Accept-Encoding", again.Headers.Vary);
    }

    [Fact]
    public async Task A_HEAD_of_an_asset_gives_its_headers_without_the_body()
    {
        using var client = PlainClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(fixture.Console("ch"), FingerprintedPath("scan.js"))));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Embedded("scan.js").Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.False(head.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task The_plain_asset_URL_still_answers_but_is_revalidated_and_another_fingerprint_is_not_found()
    {
        using var client = PlainClient();
        var console = fixture.Console("ch");

        var plain = await client.GetAsync(new Uri(console, "/assets/jsQR.js"));
        var unchanged = await ConditionalGetAsync(client, new Uri(console, "/assets/jsQR.js"), plain.Headers.ETag!);
        var stale = await client.GetAsync(new Uri(console, "/assets/jsQR.0123456789abcdef.js"));

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(Embedded("jsQR.js"), await plain.Content.ReadAsByteArrayAsync());
        Assert.True(plain.Headers.CacheControl!.NoCache);
        Assert.Null(plain.Headers.CacheControl.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Contains("Accept-Encoding", unchanged.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    public async Task An_asset_asked_for_compressed_comes_compressed_and_decompresses_to_the_file(string acceptEncoding, string expected)
    {
        using var client = PlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Console("ch"), FingerprintedPath("jsQR.js")));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var plain = await client.GetAsync(new Uri(fixture.Console("ch"), FingerprintedPath("jsQR.js")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.True(body.Length < Embedded("jsQR.js").Length / 4, $"jsQR as {expected} is {body.Length} bytes");
        var decoded = Decompress(expected, body);
        Assert.Equal(Embedded("jsQR.js"), decoded);
        Assert.StartsWith("/*! jsQR 1.4.0", System.Text.Encoding.UTF8.GetString(decoded, 0, 200), StringComparison.Ordinal);
        Assert.Contains("Apache License, Version 2.0", System.Text.Encoding.UTF8.GetString(decoded, 0, 400), StringComparison.Ordinal);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.NotEqual(response.Headers.ETag, plain.Headers.ETag);
    }

    [Fact]
    public async Task A_page_is_not_compressed_even_when_the_client_asks()
    {
        using var client = PlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Console("ch"), "/permits/verify"));
        request.Headers.Add("Cookie", "ledger-console-identity=ch-customs");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    /// <summary>No cookies, no redirects, and above all no automatic decompression: the test sees the bytes on the wire.</summary>
    private static HttpClient PlainClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    });

    private async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Console("ch"), path));
        request.Headers.Add("Cookie", "ledger-console-identity=ch-customs");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, Uri url, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    private static byte[] Decompress(string coding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The file as the console's assembly embeds it.</summary>
    private static byte[] Embedded(string name)
    {
        using var stream = typeof(ConsoleOptions).Assembly.GetManifestResourceStream("Ledger.Console.Assets." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the console's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The URL the console promises for the file: its stem, 16 hex digits of its SHA-256, its extension.</summary>
    private static string FingerprintedPath(string name) =>
        $"/assets/{Path.GetFileNameWithoutExtension(name)}.{Convert.ToHexStringLower(SHA256.HashData(Embedded(name)), 0, 8)}{Path.GetExtension(name)}";

    [GeneratedRegex("""<script src="(?<scan>/assets/scan\.[0-9a-f]{16}\.js)" data-jsqr="(?<jsqr>/assets/jsQR\.[0-9a-f]{16}\.js)"></script>""")]
    private static partial Regex ScanScriptTag();
}
