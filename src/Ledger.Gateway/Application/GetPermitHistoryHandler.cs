using System.Globalization;
using Ledger.Api.V1;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>GetPermitHistory: every event about a permit, from the chain's logs, oldest first, in pages.</summary>
internal sealed class GetPermitHistoryHandler(LedgerAccess ledger)
{
    /// <summary>Entries per page when the client asks for none.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Most entries per page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>One page of the permit's history; the page token is the number of entries already returned.</summary>
    public async Task<GetPermitHistoryResponse> HandleAsync(GetPermitHistoryRequest request, CancellationToken ct)
    {
        var id = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
        if (request.PageSize > MaxPageSize)
            throw new LedgerException(LedgerError.InvalidArgument("page_size", $"is {request.PageSize}; at most {MaxPageSize}"));
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        var skip = 0;
        if (request.PageToken.Length > 0 && !int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            throw new LedgerException(LedgerError.InvalidArgument("page_token", "is not a token this gateway returned; start without one"));

        var response = new GetPermitHistoryResponse { PermitId = id.Normalised, PermitKey = id.Key.ToString() };
        var head = await ledger.Reader.Chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        var builder = new HistoryEntryBuilder(ledger.Reader);
        var seen = 0;
        await foreach (var log in ledger.Events.ReadAsync(id.Key, ledger.FirstBlock, head, ct).ConfigureAwait(false))
        {
            if (seen++ < skip)
                continue;
            if (response.Entries.Count == pageSize)
            {
                response.NextPageToken = (skip + pageSize).ToString(CultureInfo.InvariantCulture);
                break;
            }
            if (await builder.BuildAsync(log, ct).ConfigureAwait(false) is { } entry)
                response.Entries.Add(entry);
        }
        return response;
    }
}
