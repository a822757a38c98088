using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;
using Ledger.Console.Hosting;
using Ledger.Console.Pages.Issuer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// The paper copy of a number another country's authority registered straight to the contract
/// (the devnet's gateways refuse to): the page model over a scripted chain answer.
/// </summary>
public class CopyPageTests
{
    [Fact]
    public async Task A_swiss_number_registered_by_a_french_authority_is_not_printed_even_by_the_swiss_issuer()
    {
        var squatted = new VerifyPermitResponse
        {
            PermitId = "CH/2026/S", Status = VerificationStatus.NotAvailable, Reason = VerificationReason.IssuerNotOfPermitCountry,
            Issuer = new AuthorityRef { Address = "0x00000000000000000000000000000000000000bb", Country = "FR" },
        };
        var backend = new ScriptedConsoleBackend(new Dictionary<string, Func<VerifyPermitResponse>> { ["CH/2026/S"] = () => squatted },
            concurrentVerifications: 1);
        var page = new CopyModel(backend, Options.Create(new ConsoleOptions()))
        {
            PageContext = new PageContext { HttpContext = new DefaultHttpContext() },
        };

        await page.OnGetAsync("CH/2026/S");

        Assert.Null(page.Permit);
        Assert.Equal("", page.QrCode);
        Assert.Equal("CH/2026/S: registered by another country than the permit number's: not a genuine permit; there is nothing to print", page.Error);
    }
}
