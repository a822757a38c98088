using Ledger.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// Scanning a permit's QR code with the camera, in a Chromium whose camera films a video written
/// by the test. The browser's own BarcodeDetector is taken away, so that this is the path of
/// browsers without one for QR codes (Safari on iPhones, Firefox): jsQR, loaded when the officer
/// taps the button.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ScanConsoleTests(ConsoleFixture fixture)
{
    [ChromiumFact]
    public async Task An_officer_scans_a_permits_QR_code_and_sees_it_verified()
    {
        var permitId = TestPermits.NewId("UI-Q");
        using (var api = fixture.ChGateway())
            await TestPermits.RegisterAsync(api, permitId);
        // What the paper copy's QR code holds: the verification URL with the number in it.
        var url = new Uri(fixture.Console("ch"), "/permits/verify?id=" + Uri.EscapeDataString(permitId)).ToString();

        await WithCameraFilmingAsync(url, nameof(An_officer_scans_a_permits_QR_code_and_sees_it_verified), async officer =>
        {
            Assert.False(await officer.Page.EvaluateAsync<bool>("() => 'jsQR' in window"), "jsQR is fetched only when scanning starts");
            var jsQr = officer.Page.WaitForResponseAsync(response => response.Url.Contains("/assets/jsQR", StringComparison.Ordinal));
            await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Scan QR code" }).ClickAsync();
            var fetched = await jsQr;
            await officer.Page.WaitForURLAsync(u => u.Contains("id=", StringComparison.Ordinal), new() { Timeout = 30_000 });

            // From its fingerprinted URL, as brotli: chromium's own decoder gives the jsQR that then reads the code.
            Assert.Matches(@"/assets/jsQR\.[0-9a-f]{16}\.js$", fetched.Url);
            Assert.Equal("br", (await fetched.AllHeadersAsync())["content-encoding"]);

            Assert.Equal(permitId, System.Web.HttpUtility.ParseQueryString(new Uri(officer.Page.Url).Query)["id"]);
            Assert.Equal("VALID", await officer.TextOfAsync("status"));
            await officer.ShotAsync("scanned-valid");
        });
    }

    [ChromiumFact]
    public async Task An_officer_who_stops_scanning_gets_the_camera_off_and_the_button_back()
    {
        await WithCameraFilmingAsync(null, nameof(An_officer_who_stops_scanning_gets_the_camera_off_and_the_button_back), async officer =>
        {
            var scan = officer.Page.GetByRole(AriaRole.Button, new() { Name = "Scan QR code" });
            await scan.ClickAsync();
            await officer.Page.Locator("video").WaitForAsync();
            await officer.Page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v && v.srcObject; }");
            // Kept past the preview's removal, to see that the camera itself is let go.
            await officer.Page.EvaluateAsync("() => { window.scanStream = document.querySelector('video').srcObject; }");
            Assert.True(await officer.Page.EvaluateAsync<bool>("() => window.scanStream.getVideoTracks().every(t => t.readyState === 'live')"));
            Assert.True(await scan.IsDisabledAsync());

            await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Stop scanning" }).ClickAsync();

            Assert.True(await officer.Page.EvaluateAsync<bool>("() => window.scanStream.getVideoTracks().every(t => t.readyState === 'ended')"), "the camera is stopped");
            Assert.Equal(0, await officer.Page.Locator("video").CountAsync());
            Assert.True(await scan.IsEnabledAsync());
            Assert.EndsWith("/permits/verify", officer.Page.Url, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Opens CH's verify page as ch-customs, on a phone, in a browser of its own whose camera films
    /// <paramref name="qrText"/> as a QR code (an empty white frame when null) and which has no BarcodeDetector.
    /// </summary>
    private async Task WithCameraFilmingAsync(string? qrText, string test, Func<ConsoleSession, Task> act)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-scan-test-");
        try
        {
            var video = Path.Combine(folder.FullName, "camera.y4m");
            FakeCamera.WriteVideo(video, qrText);
            await using var browser = await fixture.LaunchBrowserAsync(FakeCamera.ChromiumArgs(video));
            await using var officer = await ConsoleSession.OpenAsync(browser, fixture.Console("ch"), test, options => options.Permissions = ["camera"], phone: true);
            await officer.Page.Context.AddInitScriptAsync("delete window.BarcodeDetector;");
            await officer.SignInAsync("ch-customs");
            await officer.GoAsync("/permits/verify");
            await act(officer);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
