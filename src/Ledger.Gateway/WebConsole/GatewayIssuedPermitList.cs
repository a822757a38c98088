using Ledger.Console.Issued;
using Ledger.Core.Errors;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// "My permits" over this gateway's own document store: every permit registered here had its
/// document kept (<see cref="Application.PermitDocumentKeeper"/>), with its number. The store is
/// this authority's alone, so the list holds only its own permits. Without a store
/// (<c>Documents:Provider</c> None) there is no list, and the page says why.
/// </summary>
internal sealed class GatewayIssuedPermitList(IDocumentStore? store = null) : IIssuedPermitList
{
    /// <inheritdoc />
    public async Task<IssuedPermitPage> ListAsync(IssuedPermitQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (store is null)
            return new IssuedPermitPage(false, [], "", IssuedPermitsNotKept.Message);
        DocumentListPage page;
        try
        {
            page = await store.ListNewestAsync(new DocumentListQuery
            {
                PageSize = query.PageSize, PermitIdPrefix = query.PermitIdPrefix, PageToken = query.PageToken,
            }, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new LedgerException(LedgerError.InvalidArgument(e.Message));
        }
        catch (StoreUnavailableException)
        {
            throw new LedgerException(LedgerError.Unavailable("the gateway's document store cannot be reached, so the permits registered here cannot be listed; retry later"));
        }
        return new IssuedPermitPage(true,
            [.. page.Documents.Select(d => new IssuedPermit(d.PermitId, d.PermitKey.Value.ToHex(), d.IsDraft, d.StoredAt))],
            page.NextPageToken, "");
    }
}
