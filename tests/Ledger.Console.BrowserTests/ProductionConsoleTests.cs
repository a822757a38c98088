using System.Net;
using Ledger.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// The console of a Production-mode gateway in the browser: over TLS, the officer is who the
/// client certificate says (no identity picker, no DEVNET banner), and a browser without a
/// certificate is refused every officer's page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProductionConsoleTests(ConsoleFixture fixture) : IAsyncLifetime
{
    private ProductionConsoleGateway? _gateway;

    private ProductionConsoleGateway Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _gateway = await ProductionConsoleGateway.StartAsync(fixture.Devnet);

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
    }

    private async Task<ConsoleSession> OpenAsync(string test, ClientCertificate? certificate) =>
        await ConsoleSession.OpenAsync(fixture.Browser, Gateway.Console, test, options =>
        {
            // The server's certificate comes from the test CA, which chromium does not know; what is tested is the client side.
            options.IgnoreHTTPSErrors = true;
            if (certificate is not null)
                options.ClientCertificates = [certificate];
        });

    [ChromiumFact]
    public async Task The_officer_is_who_the_client_certificate_says_and_a_browser_without_one_is_refused()
    {
        const string Test = nameof(The_officer_is_who_the_client_certificate_says_and_a_browser_without_one_is_refused);
        const string Subject = "CN=Anna Muster (officer 17), O=FOEN, C=CH";
        var (certificateFile, keyFile) = Gateway.IssueOfficerCertificate(Subject);
        Assert.Equal("https", Gateway.Console.Scheme);

        await using (var officer = await OpenAsync(Test, new ClientCertificate
        {
            Origin = Gateway.Console.GetLeftPart(UriPartial.Authority), CertPath = certificateFile, KeyPath = keyFile,
        }))
        {
            await officer.GoAsync("/");
            var header = await officer.Page.InnerTextAsync("header");
            var main = await officer.Page.InnerTextAsync("main");
            await officer.ShotAsync("signed-in-by-certificate");
            Assert.Contains("Signed in as " + Subject, header);
            Assert.Contains("issuing officer", header);
            Assert.Contains(Gateway.IssuerAuthority, main, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await officer.Page.Locator(".devnet-banner").CountAsync());
            Assert.Equal(0, await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Change identity" }).CountAsync());
            Assert.DoesNotContain("DEVNET", await officer.Page.ContentAsync(), StringComparison.Ordinal);

            // The picker does not exist in Production; the issuer's pages do.
            await officer.GoAsync("/identity");
            Assert.Contains("there is nothing to pick", await officer.Page.InnerTextAsync("main"));
            Assert.Equal(0, await officer.Page.GetByRole(AriaRole.Radio).CountAsync());
            Assert.Equal(0, await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Use this identity" }).CountAsync());
            var permits = await officer.GoAsync("/issuer/permits");
            Assert.Equal((int)HttpStatusCode.OK, permits!.Status);
            Assert.Equal("My permits", await officer.Page.InnerTextAsync("h1"));
            await officer.ShotAsync("my-permits-by-certificate");
        }

        // Without a certificate, even with the devnet picker's cookie naming CH's issuer: nobody.
        await using var anonymous = await OpenAsync(Test + "-no-certificate", certificate: null);
        await anonymous.Page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "ledger-console-identity", Value = "ch-issuer", Url = Gateway.Console.AbsoluteUri }]);
        var refused = await anonymous.GoAsync("/permits/verify");
        var refusal = await anonymous.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await anonymous.ShotAsync("refused-without-certificate");
        Assert.Equal((int)HttpStatusCode.Unauthorized, refused!.Status);
        Assert.Contains("client certificate", refusal);
        await anonymous.GoAsync("/");
        Assert.Contains("Not signed in", await anonymous.Page.InnerTextAsync("header"));
        Assert.Equal(0, await anonymous.Page.Locator(".devnet-banner").CountAsync());
        Assert.Equal(0, await anonymous.Page.GetByRole(AriaRole.Link, new() { Name = "Pick a devnet identity" }).CountAsync());
    }
}
