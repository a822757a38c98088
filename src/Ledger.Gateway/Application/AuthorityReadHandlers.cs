using Ledger.Api.V1;
using Ledger.Core.Countries;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>ListAuthorities, GetAuthority and ListProposals: reads of the authority directory, open to every identified caller.</summary>
internal sealed class AuthorityReadHandlers(AuthorityDirectory directory)
{
    /// <summary>Authorities in the order they were added, filtered by country, kind and status.</summary>
    public async Task<ListAuthoritiesResponse> ListAuthoritiesAsync(ListAuthoritiesRequest request, CancellationToken ct)
    {
        var page = OffsetPage.Parse(request.PageSize, request.PageToken);
        CountryCode? country = null;
        if (request.Country.Length > 0 && !CountryCode.TryParse(request.Country, out country, out var error))
            throw new LedgerException(LedgerError.InvalidArgument("country", error));
        var matching = new List<Authority>();
        foreach (var account in await directory.AccountsAsync(ct).ConfigureAwait(false))
        {
            var authority = await directory.FindAsync(account, ct).ConfigureAwait(false);
            if (authority is null
                || (country is not null && authority.Country != country.Value)
                || (request.Kind != AuthorityKind.Unspecified && authority.Kind != request.Kind)
                || (request.Status != AuthorityStatus.Unspecified && authority.Status != request.Status))
                continue;
            matching.Add(authority);
        }
        var response = new ListAuthoritiesResponse();
        response.Authorities.AddRange(matching.Skip(page.Skip).Take(page.Size));
        if (matching.Count > page.Skip + page.Size)
            response.NextPageToken = page.NextToken;
        return response;
    }

    /// <summary>One authority, or NOT_FOUND.</summary>
    public Task<Authority> GetAuthorityAsync(GetAuthorityRequest request, CancellationToken ct) =>
        directory.GetAsync(AuthorityDirectory.ParseAddress(request.Address, "address"), ct);

    /// <summary>Proposals, newest first, optionally of one state.</summary>
    public async Task<ListProposalsResponse> ListProposalsAsync(ListProposalsRequest request, CancellationToken ct)
    {
        var page = OffsetPage.Parse(request.PageSize, request.PageToken);
        var count = await directory.ProposalCountAsync(ct).ConfigureAwait(false);
        var response = new ListProposalsResponse();
        var matched = 0;
        for (var id = count; id >= 1; id--)
        {
            var proposal = await directory.GetProposalAsync(id, ct).ConfigureAwait(false);
            if (request.State != ProposalState.Unspecified && proposal.State != request.State)
                continue;
            if (matched++ < page.Skip)
                continue;
            if (response.Proposals.Count == page.Size)
            {
                response.NextPageToken = page.NextToken;
                break;
            }
            response.Proposals.Add(proposal);
        }
        return response;
    }
}
