using System.Net;
using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;

namespace Ledger.Console.BrowserTests;

/// <summary>What the console guarantees at the HTTP level, checked without a browser: endpoints kept apart, antiforgery, the public page's limit and headers.</summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleHttpTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Console_pages_are_served_only_on_the_console_endpoint_and_the_API_only_on_its_own()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var apiOnConsole = await client.GetAsync(new Uri(fixture.Console("ch"), "/v1/permits:verify?permit_id=CH/2026/1"));
        var unknownOnConsole = await client.GetAsync(new Uri(fixture.Console("ch"), "/metrics"));
        var pageOnConsole = await client.GetAsync(new Uri(fixture.Console("ch"), "/identity"));
        // The API's endpoint speaks HTTP/2 without TLS (prior knowledge) on a devnet.
        using var pageOnApi = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Devnet.Gateways["ch"], "/identity"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var pageOnApiResponse = await client.SendAsync(pageOnApi);

        Assert.Equal(HttpStatusCode.NotFound, apiOnConsole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOnConsole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageOnConsole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageOnApiResponse.StatusCode);
    }

    [Fact]
    public async Task The_devnet_console_answers_only_requests_naming_a_loopback_host()
    {
        // A page using DNS rebinding reaches 127.0.0.1 under its own host name, which it cannot hide.
        var console = fixture.Console("ch");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        async Task<HttpStatusCode> PickerAs(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(console, "/identity"));
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PickerAs($"rebound.example:{console.Port}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PickerAs("rebound.example"));
        Assert.Equal(HttpStatusCode.OK, await PickerAs($"localhost:{console.Port}"));
        Assert.Equal(HttpStatusCode.OK, await PickerAs($"[::1]:{console.Port}"));
        Assert.Equal(HttpStatusCode.OK, await PickerAs(console.Authority));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_records_nothing()
    {
        var permitId = TestPermits.NewId("UI-X");
        using var api = fixture.ChGateway();
        await TestPermits.RegisterAsync(api, permitId);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Console("ch"), "/customs/shipment?handler=Shipment"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = permitId, ["requestId"] = "forged-1", ["reference"] = "BL-FORGED", ["quantities"] = "1",
            }),
        };
        forged.Headers.Add("Cookie", "ledger-console-identity=ch-customs");

        var response = await client.SendAsync(forged);
        var after = await api.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, api.Call(default, "ch-observer"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0u, after.ShipmentsUsed);
        Assert.Equal("0", after.Lines[0].Used);
    }

    [Fact]
    public async Task An_upload_announcing_more_than_the_ledger_takes_is_refused_before_its_body_is_read()
    {
        // Raw HTTP/1.1: the headers announce 5 MiB, only 1 KiB is sent, and the connection stays open.
        // The answer can only come before the body was read, since the body never comes.
        var console = fixture.Console("ch");
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(console.Host, console.Port);
        await using var stream = tcp.GetStream();
        const long Announced = 5L * 1024 * 1024;
        var head = $"POST /issuer/register?handler=Read HTTP/1.1\r\nHost: {console.Authority}\r\nCookie: ledger-console-identity=ch-issuer\r\n"
            + $"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {Announced}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[1024]);
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new byte[4096];
        var read = await stream.ReadAsync(answer, timeout.Token);
        var response = System.Text.Encoding.ASCII.GetString(answer, 0, read);

        Assert.StartsWith("HTTP/1.1 302", response, StringComparison.Ordinal);
        Assert.Contains($"Location: /issuer/register?tooLarge={Announced}", response, StringComparison.Ordinal);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(console, $"/issuer/register?tooLarge={Announced}"));
        page.Headers.Add("Cookie", "ledger-console-identity=ch-issuer");
        var shown = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains($"The upload was {Announced} bytes; the ledger takes documents up to 4194304 bytes", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_permit_numbers_own_country_prints_its_copy()
    {
        var permitId = TestPermits.NewId("UI-C");
        using (var api = fixture.ChGateway())
            await TestPermits.RegisterAsync(api, permitId);

        var own = await CopyPageAsync("ch", "ch-issuer", permitId);
        var foreign = await CopyPageAsync("fr", "fr-issuer", permitId);

        Assert.Contains("data-testid=\"copy-mark\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"copy-mark\"", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"qr\"", foreign, StringComparison.Ordinal);
        Assert.Contains("is a permit of CH: only an issuing authority of CH prints its copy", foreign, StringComparison.Ordinal);
    }

    private async Task<string> CopyPageAsync(string console, string identity, string permitId)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Console(console), "/issuer/copy?id=" + Uri.EscapeDataString(permitId)));
        page.Headers.Add("Cookie", "ledger-console-identity=" + identity);
        using var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_public_page_needs_no_identity_sends_restrictive_headers_and_is_rate_limited_per_client_address()
    {
        // DE's console: its limiter is its own, so the other tests' public pages (on CH's) are not affected.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = new Uri(fixture.Console("de"), "/public/verify?id=DE/2026/NEVER-REGISTERED");
        var first = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("NOT_AVAILABLE", await first.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'none'", first.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i < 31; i++)
            statuses.Add((await client.GetAsync(page)).StatusCode);
        var limited = await client.GetAsync(page);

        Assert.All(statuses[..29], status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[29]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
