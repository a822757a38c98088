using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;
using Ledger.Console.Hosting;
using Ledger.Console.Pages.Issuer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// Who may print the paper copy, on the page model over scripted chain answers: not for a number
/// another country's authority registered straight to the contract (the devnet's gateways refuse
/// to), and not by an issuing authority the other issuers suspended.
/// </summary>
public class CopyPageTests
{
    // The scripted backend's signed-in officer acts for this authority.
    private const string CallerAuthority = "0x00000000000000000000000000000000000000aa";

    [Fact]
    public async Task An_active_swiss_issuer_prints_a_swiss_permit_with_its_QR_code()
    {
        var page = CopyPage(SwissPermit(), SwissIssuer(AuthorityStatus.Active));

        await page.OnGetAsync("CH/2026/000123");

        Assert.Null(page.Error);
        Assert.NotNull(page.Permit);
        Assert.Equal(new Uri("https://verify.example/public/verify?id=CH%2F2026%2F000123"), page.PublicUrl);
        Assert.StartsWith("data:image/png;base64,", page.QrCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_swiss_issuer_is_refused_the_copy_and_told_why()
    {
        var page = CopyPage(SwissPermit(), SwissIssuer(AuthorityStatus.Suspended));

        await page.OnGetAsync("CH/2026/000123");

        Assert.Null(page.Permit);
        Assert.Equal("", page.QrCode);
        Assert.Equal($"CH/2026/000123: your issuing authority ({CallerAuthority}) is suspended on the ledger, so it prints no copy; "
            + "an active issuing authority of CH may, and yours may again once the other issuers reinstate it", page.Error);
    }

    private static VerifyPermitResponse SwissPermit() => new()
    {
        PermitId = "CH/2026/000123", Status = VerificationStatus.Valid,
        Issuer = new AuthorityRef { Address = "0x00000000000000000000000000000000000000cc", Country = "CH", Kind = AuthorityKind.Issuer },
    };

    private static Authority SwissIssuer(AuthorityStatus status) =>
        new() { Address = CallerAuthority, Country = "CH", Kind = AuthorityKind.Issuer, Status = status };

    private static CopyModel CopyPage(VerifyPermitResponse permit, params Authority[] authorities)
    {
        var backend = new ScriptedConsoleBackend(new Dictionary<string, Func<VerifyPermitResponse>> { [permit.PermitId] = () => permit },
            concurrentVerifications: 1) { Authorities = [.. authorities] };
        return new CopyModel(backend, Options.Create(new ConsoleOptions { PublicBaseUrl = "https://verify.example/" }))
        {
            PageContext = new PageContext { HttpContext = new DefaultHttpContext() },
        };
    }

    [Fact]
    public async Task A_swiss_number_registered_by_a_french_authority_is_not_printed_even_by_the_swiss_issuer()
    {
        var squatted = new VerifyPermitResponse
        {
            PermitId = "CH/2026/S", Status = VerificationStatus.NotAvailable, Reason = VerificationReason.IssuerNotOfPermitCountry,
            Issuer = new AuthorityRef { Address = "0x00000000000000000000000000000000000000bb", Country = "FR" },
        };
        var page = CopyPage(squatted, SwissIssuer(AuthorityStatus.Active));

        await page.OnGetAsync("CH/2026/S");

        Assert.Null(page.Permit);
        Assert.Equal("", page.QrCode);
        Assert.Equal("CH/2026/S: registered by another country than the permit number's: not a genuine permit; there is nothing to print", page.Error);
    }
}
