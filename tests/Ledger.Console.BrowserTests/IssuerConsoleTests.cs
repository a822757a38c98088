using System.Security.Cryptography;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// An issuing officer at CH's console: upload a CITES XML, check the fields read from it,
/// register, find it VALID in "My permits", print the paper copy, follow its QR code to the public page (VALID), cancel, and
/// the same public page and "My permits" say CANCELLED.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class IssuerConsoleTests(ConsoleFixture fixture)
{
    [ChromiumFact]
    public async Task An_issuer_uploads_a_CITES_XML_and_cancels_the_permit_whose_printed_QR_code_opens_the_public_page_VALID_then_CANCELLED()
    {
        var test = nameof(An_issuer_uploads_a_CITES_XML_and_cancels_the_permit_whose_printed_QR_code_opens_the_public_page_VALID_then_CANCELLED);
        var permitId = TestPermits.NewId("UI-I");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var xml = TestPermits.CitesXml(permitId, today, today.AddMonths(6));
        await using var issuer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("ch"), test);
        await issuer.SignInAsync("ch-issuer");

        // Upload: the fields come from the XML and are shown for checking.
        await issuer.GoAsync("/issuer/register");
        await issuer.Page.GetByLabel("Permit document").SetInputFilesAsync(new FilePayload { Name = "permit.xml", MimeType = "application/xml", Buffer = xml });
        await issuer.ShotAsync("upload");
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();
        Assert.Equal(permitId, await issuer.Page.GetByLabel("Permit number").InputValueAsync());
        Assert.Equal($"{today:yyyy-MM-dd}T00:00:00Z", await issuer.Page.GetByLabel("Valid from (UTC)").InputValueAsync());
        Assert.Equal("FR", await issuer.Page.GetByLabel("Country of destination").InputValueAsync());
        Assert.Equal("40", await issuer.Page.GetByLabel("Line 1 authorised amount").InputValueAsync());
        Assert.Equal("250", await issuer.Page.GetByLabel("Line 2 authorised amount").InputValueAsync());
        await issuer.ShotAsync("fields-read");
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Register the permit" }).ClickAsync();
        Assert.Contains(permitId, await issuer.TextOfAsync("done"));
        await issuer.ShotAsync("registered");

        // "My permits": the permit is listed from CH's own document store, its status read from the chain.
        Assert.Equal("VALID", await MyPermitStatusAsync(issuer, permitId, "my-permits-valid"));

        // Another gateway, through the API, sees the permit with the hash of exactly the uploaded bytes.
        using var fr = GatewayClientFactory.Create(new GatewaySettings(fixture.Devnet.Gateways["fr"]));
        var atFr = await WaitForAsync(() => fr.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, fr.Call(default, "fr-customs")).ResponseAsync,
            r => r.Status == VerificationStatus.Valid);
        Assert.Equal("0x" + Convert.ToHexStringLower(SHA256.HashData(xml)), atFr.DocumentHash);
        Assert.Equal(["40", "250"], atFr.Lines.Select(l => l.Authorised));

        // FR's customs open the document at their own console: fetched from CH's gateway, checked against the anchored hash.
        await using (var frCustoms = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("fr"), test + "-document"))
        {
            await frCustoms.SignInAsync("fr-customs");
            await frCustoms.GoAsync("/permits/document?id=" + Uri.EscapeDataString(permitId));
            var page = await frCustoms.Page.InnerTextAsync("main");
            Assert.Contains("Matches the ledger", page);
            Assert.Contains(permitId, page);
            await frCustoms.ShotAsync("document-from-issuer");
        }

        // The paper copy: marked COPY, its QR code (decoded by ZXing) is the public page's URL on CH's console.
        await issuer.GoAsync("/issuer/copy?id=" + Uri.EscapeDataString(permitId));
        Assert.Equal("COPY - not valid for official use", await issuer.TextOfAsync("copy-mark"));
        await issuer.ShotAsync("paper-copy");
        var decoded = await QrCodeReader.DecodeAsync(issuer.Page.Locator("[data-testid=qr]"));
        Assert.Equal(await issuer.TextOfAsync("public-url"), decoded);
        Assert.StartsWith(fixture.Console("ch").AbsoluteUri + "public/verify?id=", decoded, StringComparison.Ordinal);

        // Anyone (no identity, a fresh browser) who scans it sees VALID, and nothing but status, issuer and validity.
        await using var anyone = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("ch"), test + "-public", phone: true);
        await anyone.Page.GotoAsync(decoded);
        Assert.Equal("VALID", await anyone.TextOfAsync("status"));
        var shown = await anyone.Page.InnerTextAsync("main");
        Assert.DoesNotContain("250", shown);
        Assert.DoesNotContain("Alligator", shown);
        Assert.DoesNotContain("Maroquinerie", shown);
        await anyone.ShotAsync("public-valid");

        // Cancel.
        await issuer.GoAsync("/issuer/cancel?id=" + Uri.EscapeDataString(permitId));
        await issuer.Page.GetByLabel("Reason").SelectOptionAsync(nameof(CancelReason.Withdrawn));
        await issuer.ShotAsync("cancel");
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel the permit" }).ClickAsync();
        Assert.Contains("cancelled for everyone", await issuer.TextOfAsync("done"));
        await issuer.ShotAsync("cancelled");
        Assert.Equal("CANCELLED", await MyPermitStatusAsync(issuer, permitId, "my-permits-cancelled"));

        // The same QR code now opens CANCELLED.
        await anyone.Page.GotoAsync(decoded);
        Assert.Equal("CANCELLED", await anyone.TextOfAsync("status"));
        await anyone.ShotAsync("public-cancelled");
    }

    [ChromiumFact]
    public async Task A_document_that_is_not_a_permit_is_refused_with_what_is_wrong_and_nothing_is_registered()
    {
        await using var issuer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("ch"), nameof(A_document_that_is_not_a_permit_is_refused_with_what_is_wrong_and_nothing_is_registered));
        await issuer.SignInAsync("ch-issuer");
        await issuer.GoAsync("/issuer/register");
        await issuer.Page.GetByLabel("Permit document").SetInputFilesAsync(new FilePayload
        {
            Name = "invoice.xml", MimeType = "application/xml", Buffer = "<Invoice><ID>1</ID></Invoice>"u8.ToArray(),
        });
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();
        var alert = await issuer.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await issuer.ShotAsync("not-a-permit");
        Assert.Contains("<Invoice>", alert);
        Assert.Equal(0, await issuer.Page.GetByLabel("Permit number").CountAsync());
    }

    /// <summary>
    /// Opens "My permits" from the menu, filters by the number as an officer types it (lower case),
    /// and returns the status shown in the permit's row, after checking its links.
    /// </summary>
    [ChromiumFact]
    public async Task A_file_larger_than_the_ledger_takes_is_refused_before_it_is_read_with_what_to_do()
    {
        await using var issuer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("ch"), nameof(A_file_larger_than_the_ledger_takes_is_refused_before_it_is_read_with_what_to_do), phone: true);
        await issuer.SignInAsync("ch-issuer");
        await issuer.GoAsync("/issuer/register");
        await issuer.Page.GetByLabel("Permit document").SetInputFilesAsync(new FilePayload
        {
            Name = "huge.xml", MimeType = "application/xml", Buffer = new byte[(int)Ledger.Console.Pages.Issuer.RegisterModel.MaxUploadRequestBytes + 1],
        });
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();

        var alert = await issuer.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await issuer.ShotAsync("too-large");
        Assert.Contains("the ledger takes documents up to 4194304 bytes", alert);
        Assert.Contains("Nothing was read", alert);
        Assert.Equal(1, await issuer.Page.GetByLabel("Permit document").CountAsync());
    }

    private static async Task<string> MyPermitStatusAsync(ConsoleSession issuer, string permitId, string shot)
    {
        await issuer.GoAsync("/");
        await issuer.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My permits" }).ClickAsync();
        await issuer.Page.GetByLabel("Permit number starts with").FillAsync(permitId.ToLowerInvariant());
        await issuer.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await issuer.Page.WaitForURLAsync(url => url.Contains("prefix=", StringComparison.Ordinal));
        var row = issuer.Page.Locator($"tr[data-permit='{permitId}']");
        var shown = await issuer.Page.InnerTextAsync("main");
        Assert.True(await issuer.Page.Locator("[data-testid=my-permits] tbody tr").CountAsync() == 1 && await row.CountAsync() == 1, shown);
        Assert.Equal("/permits/verify?id=" + Uri.EscapeDataString(permitId), await row.GetByRole(AriaRole.Link, new() { Name = permitId, Exact = true }).GetAttributeAsync("href"));
        Assert.Equal(1, await row.GetByRole(AriaRole.Link, new() { Name = "Paper copy of " + permitId, Exact = true }).CountAsync());
        Assert.Contains("FR", await row.InnerTextAsync());
        await issuer.ShotAsync(shot);
        return (await row.Locator("[data-testid=permit-status] .status").InnerTextAsync()).Trim();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            await Task.Delay(200, timeout.Token);
        }
    }
}
