using Ledger.Console.Backend;
using Ledger.Console.Issued;

namespace Ledger.Console.Pages.Issuer;

/// <summary>
/// Issuing officers: "my permits", the permits registered at this gateway, newest first, with
/// what the ledger says about each (read per page, one verification per row, concurrently).
/// </summary>
public sealed class PermitsModel(ILedgerConsoleBackend backend, IIssuedPermitList permits) : ConsolePage(backend)
{
    /// <summary>Permits per page: each is one verification.</summary>
    public const int PageSize = 20;

    /// <summary>The number prefix asked for, as typed.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>True when this is not the first page.</summary>
    public bool IsLaterPage { get; private set; }

    /// <summary>The page from the store, or null after a refusal.</summary>
    public IssuedPermitPage? Listed { get; private set; }

    /// <summary>Each permit of the page with the ledger's answer.</summary>
    public IReadOnlyList<IssuedPermitRow> Rows { get; private set; } = [];

    /// <summary>Lists one page, filtered by <paramref name="prefix"/>, starting after the page token <paramref name="after"/>.</summary>
    /// <remarks>Not "page": Razor Pages route the page's own name under that key.</remarks>
    public async Task OnGetAsync(string? prefix, string? after)
    {
        Prefix = prefix?.Trim() ?? "";
        IsLaterPage = !string.IsNullOrEmpty(after);
        Listed = await AttemptAsync(ct => permits.ListAsync(new IssuedPermitQuery(Prefix, after ?? "", PageSize), ct));
        if (Listed is { Kept: true })
            Rows = await IssuedPermitStatuses.ReadAsync(Backend, Listed.Permits, HttpContext.RequestAborted);
    }

    /// <summary>The address of the page after this one.</summary>
    public string NextPageUrl(string token) =>
        $"/issuer/permits?prefix={Uri.EscapeDataString(Prefix)}&after={Uri.EscapeDataString(token)}";
}
