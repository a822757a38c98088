using Ledger.Api.V1;
using Ledger.Console.Backend;

namespace Ledger.Console.Pages;

/// <summary>Anyone signed in: the authority directory and the governance votes still open.</summary>
public sealed class AuthoritiesModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>Most rows listed at once.</summary>
    private const uint PageSize = 200;

    /// <summary>The directory.</summary>
    public ListAuthoritiesResponse? Authorities { get; private set; }

    /// <summary>Open proposals.</summary>
    public ListProposalsResponse? Proposals { get; private set; }

    /// <summary>Reads both.</summary>
    public async Task OnGetAsync()
    {
        Authorities = await AttemptAsync(ct => Backend.ListAuthoritiesAsync(new ListAuthoritiesRequest { PageSize = PageSize }, ct));
        Proposals = await AttemptAsync(ct => Backend.ListProposalsAsync(new ListProposalsRequest { State = ProposalState.Open, PageSize = PageSize }, ct));
    }
}
