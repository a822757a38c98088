using Ledger.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// Scanning a permit's QR code with the camera, in a Chromium whose camera films a QR code. Chromium
/// on Linux has no BarcodeDetector for QR codes, so this is the path of browsers without one
/// (Safari on iPhones, Firefox): jsQR, loaded when the officer taps the button.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ScanConsoleTests(ConsoleFixture fixture)
{
    [ChromiumFact]
    public async Task An_officer_scans_a_permits_QR_code_and_sees_it_verified()
    {
        var permitId = TestPermits.NewId("UI-Q");
        using var api = fixture.ChGateway();
        await TestPermits.RegisterAsync(api, permitId);
        var folder = Directory.CreateTempSubdirectory("ledger-scan-test-");
        try
        {
            await ScanAsync(permitId, Path.Combine(folder.FullName, "qr.y4m"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task ScanAsync(string permitId, string video)
    {
        // What the paper copy's QR code holds: the verification URL with the number in it.
        FakeCamera.WriteQrVideo(video, new Uri(fixture.Console("ch"), "/permits/verify?id=" + Uri.EscapeDataString(permitId)).ToString());
        await using var browser = await fixture.LaunchBrowserAsync(FakeCamera.ChromiumArgs(video));

        await using var officer = await ConsoleSession.OpenAsync(browser, fixture.Console("ch"), nameof(An_officer_scans_a_permits_QR_code_and_sees_it_verified),
            options => options.Permissions = ["camera"], phone: true);
        await officer.SignInAsync("ch-customs");
        await officer.GoAsync("/permits/verify");
        Assert.False(await officer.Page.EvaluateAsync<bool>("() => 'jsQR' in window"), "jsQR is fetched only when scanning starts");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Scan QR code" }).ClickAsync();
        await officer.Page.WaitForURLAsync(url => url.Contains("id=", StringComparison.Ordinal), new() { Timeout = 30_000 });

        Assert.Equal(permitId, System.Web.HttpUtility.ParseQueryString(new Uri(officer.Page.Url).Query)["id"]);
        Assert.Equal("VALID", await officer.TextOfAsync("status"));
        await officer.ShotAsync("scanned-valid");
    }
}
