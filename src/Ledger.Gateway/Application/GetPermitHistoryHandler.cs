using Ledger.Api.V1;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Application;

/// <summary>GetPermitHistory: every event about a permit, from the follower's index of the chain's logs, oldest first, in pages.</summary>
internal sealed class GetPermitHistoryHandler(LedgerAccess ledger, PermitLogIndex index)
{
    /// <summary>One page of the permit's history; the page token is the number of entries already returned.</summary>
    public async Task<GetPermitHistoryResponse> HandleAsync(GetPermitHistoryRequest request, CancellationToken ct)
    {
        var id = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
        var page = OffsetPage.Parse(request.PageSize, request.PageToken);

        var response = new GetPermitHistoryResponse { PermitId = id.Normalised, PermitKey = id.Key.ToString() };
        var head = await ledger.Reader.Chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        var builder = new HistoryEntryBuilder(ledger.Reader);
        var seen = 0;
        await foreach (var log in index.ReadAsync(id.Key, ledger.FirstBlock, head, ct).ConfigureAwait(false))
        {
            if (seen++ < page.Skip)
                continue;
            if (response.Entries.Count == page.Size)
            {
                response.NextPageToken = page.NextToken;
                break;
            }
            if (await builder.BuildAsync(log, ct).ConfigureAwait(false) is { } entry)
                response.Entries.Add(entry);
        }
        return response;
    }
}
