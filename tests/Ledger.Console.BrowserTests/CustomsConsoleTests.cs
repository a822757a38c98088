using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests;

/// <summary>A customs officer at CH's console: verify, record a shipment, and a second use refused.</summary>
[Collection(ConsoleCollection.Name)]
public class CustomsConsoleTests(ConsoleFixture fixture)
{
    [ChromiumFact]
    public async Task A_customs_officer_verifies_records_a_shipment_and_sees_a_second_use_refused()
    {
        var permitId = TestPermits.NewId("UI-C");
        using var api = fixture.ChGateway();
        await TestPermits.RegisterAsync(api, permitId);

        await using var officer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("ch"), nameof(A_customs_officer_verifies_records_a_shipment_and_sees_a_second_use_refused));
        await officer.SignInAsync("ch-customs");
        await officer.ShotAsync("home");
        Assert.Contains("DEVNET — not a real identity", await officer.Page.InnerTextAsync("body"));

        // Verify by typing the number, as at a border desk.
        await officer.GoAsync("/permits/verify");
        await officer.Page.GetByLabel("Permit or certificate number").FillAsync(permitId);
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        Assert.Equal("VALID", await officer.TextOfAsync("status"));
        Assert.Equal("0 of 1", await officer.TextOfAsync("shipments"));
        Assert.Equal("10", await officer.TextOfAsync("left-1"));
        await officer.ShotAsync("verified-valid");

        // Record the shipment: 4 of line 1, nothing of line 2.
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Record a shipment or confirm an arrival" }).ClickAsync();
        await RecordAsync(officer, "BL-2026-0001", "4");
        Assert.Contains("Shipment BL-2026-0001 recorded", await officer.TextOfAsync("done"));
        Assert.Equal("1 of 1", await officer.TextOfAsync("shipments"));
        Assert.Equal("6", await officer.TextOfAsync("left-1"));
        await officer.ShotAsync("shipment-recorded");

        // A second use of the one-shipment permit, under another transport document: refused, and nothing used.
        await RecordAsync(officer, "BL-2026-0002", "1");
        var refusal = await officer.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await officer.ShotAsync("second-use-refused");
        Assert.Matches("(?i)shipment|used|exhausted", refusal);
        var ledger = await api.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, api.Call(default, "ch-observer"));
        Assert.Equal(1u, ledger.ShipmentsUsed);
        Assert.Equal("4", ledger.Lines[0].Used);

        // The permit page now says it is used up, and its history shows the one shipment.
        await officer.GoAsync("/permits/verify?id=" + Uri.EscapeDataString(permitId));
        Assert.Equal("NOT_AVAILABLE", await officer.TextOfAsync("status"));
        var shown = await officer.TextOfAsync("history");
        Assert.Contains("Registered", shown);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, "Shipment recorded"));
        await officer.ShotAsync("verified-used-up");

        // Import customs at FR's own console confirm what arrived under the same transport document.
        await using var importer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("fr"), nameof(A_customs_officer_verifies_records_a_shipment_and_sees_a_second_use_refused) + "-import");
        await importer.SignInAsync("fr-customs");
        await importer.GoAsync("/customs/shipment?id=" + Uri.EscapeDataString(permitId));
        var arrival = importer.Page.Locator("form").Filter(new() { Has = importer.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm arrival" }) });
        await arrival.GetByLabel("Shipment reference").FillAsync("BL-2026-0001");
        await arrival.GetByLabel("Quantity of line 1").FillAsync("4");
        await arrival.GetByRole(AriaRole.Button, new() { Name = "Confirm arrival" }).ClickAsync();
        Assert.Contains("Arrival of BL-2026-0001 confirmed", await importer.TextOfAsync("done"));
        await importer.ShotAsync("arrival-confirmed");
        var history = await api.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = permitId }, api.Call(default, "ch-observer"));
        Assert.Contains(history.Entries, entry => entry.Kind == PermitEventKind.ArrivalConfirmed && entry.Actor.Country == "FR");
    }

    [ChromiumFact]
    public async Task On_a_phone_an_observer_may_verify_but_is_refused_the_customs_page_with_the_role_it_needs()
    {
        await using var observer = await ConsoleSession.OpenAsync(fixture.Browser, fixture.Console("fr"), nameof(On_a_phone_an_observer_may_verify_but_is_refused_the_customs_page_with_the_role_it_needs), phone: true);
        // Without an identity, a devnet console sends the browser to the picker.
        await observer.GoAsync("/permits/verify");
        Assert.EndsWith("/identity", observer.Page.Url, StringComparison.Ordinal);
        await observer.SignInAsync("fr-observer");
        await observer.GoAsync("/permits/verify?id=FR/2026/NEVER-REGISTERED");
        Assert.Equal("NOT_AVAILABLE", await observer.TextOfAsync("status"));
        await observer.ShotAsync("phone-unknown-permit");

        var refused = await observer.GoAsync("/customs/shipment?id=FR/2026/NEVER-REGISTERED");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("needs the role CustomsOfficer", await observer.Page.GetByRole(AriaRole.Alert).InnerTextAsync());
        // The gateway writes this page itself: it links the console's long-lived stylesheet, which loads.
        Assert.Matches("^/assets/console\\.[0-9a-f]{16}\\.css$", await observer.Page.Locator("link[rel=stylesheet]").GetAttributeAsync("href"));
        Assert.True(await observer.Page.EvaluateAsync<int>("() => document.styleSheets.length ? document.styleSheets[0].cssRules.length : 0") > 0, "the refusal page's stylesheet did not load");
        await observer.ShotAsync("phone-customs-refused");
    }

    private static async Task RecordAsync(ConsoleSession officer, string reference, string lineOne)
    {
        var form = officer.Page.Locator("form").Filter(new() { Has = officer.Page.GetByRole(AriaRole.Button, new() { Name = "Record shipment" }) });
        await form.GetByLabel("Shipment reference").FillAsync(reference);
        await form.GetByLabel("Quantity of line 1").FillAsync(lineOne);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record shipment" }).ClickAsync();
        await officer.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
