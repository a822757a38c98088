using Ledger.Core.Permits;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.Application;

/// <summary>
/// Where the issuer side of the document exchange finds a permit held as a draft (known to its
/// issuer, not yet registered on chain) to answer EPIX GET NON FINAL. The document store
/// implements it once it keeps drafts; until then no gateway holds any.
/// </summary>
public interface IDocumentDraftSource
{
    /// <summary>The draft document of the permit, or null when the issuer holds none.</summary>
    Task<StoredDocument?> FindDraftAsync(PermitKey permitKey, CancellationToken cancellationToken);
}

/// <summary>The draft source of a gateway whose store keeps no drafts.</summary>
internal sealed class NoDocumentDrafts : IDocumentDraftSource
{
    /// <inheritdoc />
    public Task<StoredDocument?> FindDraftAsync(PermitKey permitKey, CancellationToken cancellationToken) => Task.FromResult<StoredDocument?>(null);
}
