using Ledger.Api.V1;
using Ledger.Console.BrowserTests.Support;
using Ledger.Console.Issued;
using Ledger.Console.Pages.Issuer;
using Ledger.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ledger.Console.BrowserTests;

/// <summary>"My permits" without a gateway: the page model over a scripted store and chain.</summary>
public class MyPermitsPageTests
{
    private static readonly DateTimeOffset Stored = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private sealed class ScriptedList(IssuedPermitPage page) : IIssuedPermitList
    {
        public List<IssuedPermitQuery> Asked { get; } = [];

        public Task<IssuedPermitPage> ListAsync(IssuedPermitQuery query, CancellationToken ct)
        {
            Asked.Add(query);
            return Task.FromResult(page);
        }
    }

    private static PermitsModel Page(ScriptedConsoleBackend backend, IIssuedPermitList list) => new(backend, list)
    {
        PageContext = new PageContext { HttpContext = new DefaultHttpContext() },
    };

    private static IssuedPermit Permit(string? id, bool draft = false) => new(id, "0x" + new string('a', 64), draft, Stored);

    [Fact]
    public async Task Each_registered_permit_is_verified_at_the_same_time_and_one_the_chain_cannot_answer_shows_status_unavailable()
    {
        var valid = new VerifyPermitResponse { PermitId = "CH/2026/A", Status = VerificationStatus.Valid, Issuer = new AuthorityRef { Country = "CH" }, DestinationCountry = "FR" };
        var cancelled = new VerifyPermitResponse { PermitId = "CH/2026/B", Status = VerificationStatus.Cancelled, Reason = VerificationReason.Cancelled, Issuer = new AuthorityRef { Country = "CH" } };
        var backend = new ScriptedConsoleBackend(new Dictionary<string, Func<VerifyPermitResponse>>
        {
            ["CH/2026/A"] = () => valid,
            ["CH/2026/B"] = () => cancelled,
            ["CH/2026/C"] = ScriptedConsoleBackend.Refusing(LedgerError.Unavailable("no node of the chain answers; retry later")),
        }, concurrentVerifications: 3);
        var list = new ScriptedList(new IssuedPermitPage(true,
            [Permit("CH/2026/A"), Permit("CH/2026/B"), Permit("CH/2026/C"), Permit("CH/2026/D", draft: true), Permit(null)], "next-token", ""));
        var page = Page(backend, list);

        await page.OnGetAsync(" CH/2026/ ", null);

        Assert.Equal([new IssuedPermitQuery("CH/2026/", "", PermitsModel.PageSize)], list.Asked);
        Assert.Null(page.Error);
        Assert.Equal(["CH/2026/A", "CH/2026/B", "CH/2026/C"], backend.Verified.Order(StringComparer.Ordinal));
        Assert.Equal(["CH/2026/A", "CH/2026/B", "CH/2026/C", "CH/2026/D", null], page.Rows.Select(r => r.Permit.PermitId));
        Assert.Same(valid, page.Rows[0].Ledger);
        Assert.Same(cancelled, page.Rows[1].Ledger);
        Assert.Null(page.Rows[2].Ledger);
        Assert.StartsWith(IssuedPermitStatuses.Unavailable + ": no node", page.Rows[2].Problem, StringComparison.Ordinal);
        Assert.All(page.Rows.Skip(3), row => Assert.Equal((null, null), (row.Ledger, row.Problem)));
        Assert.Equal("/issuer/permits?prefix=CH%2F2026%2F&after=next-token", page.NextPageUrl("next-token"));
    }

    [Fact]
    public async Task A_store_that_refuses_the_prefix_shows_its_message_and_verifies_nothing()
    {
        var backend = new ScriptedConsoleBackend(new Dictionary<string, Func<VerifyPermitResponse>>(), concurrentVerifications: 1);
        var refusing = new RefusingList(LedgerError.InvalidArgument("The permit number prefix has '%'; permit numbers have only letters, digits and / - . _"));

        var page = Page(backend, refusing);
        await page.OnGetAsync("CH/%", null);

        Assert.Contains("'%'", page.Error);
        Assert.Null(page.Listed);
        Assert.Empty(page.Rows);
        Assert.Empty(backend.Verified);
    }

    [Fact]
    public async Task Without_a_document_store_the_page_says_why_there_is_no_list()
    {
        var backend = new ScriptedConsoleBackend(new Dictionary<string, Func<VerifyPermitResponse>>(), concurrentVerifications: 1);

        var page = Page(backend, new IssuedPermitsNotKept());
        await page.OnGetAsync(null, null);

        Assert.False(page.Listed!.Kept);
        Assert.Equal(IssuedPermitsNotKept.Message, page.Listed.Explanation);
        Assert.Empty(page.Rows);
    }

    private sealed class RefusingList(LedgerError error) : IIssuedPermitList
    {
        public Task<IssuedPermitPage> ListAsync(IssuedPermitQuery query, CancellationToken ct) => throw new LedgerException(error);
    }
}
