using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The issuer's copy of its permit documents: the bytes exactly as registered, encrypted at
/// rest, one document per permit, kept at least until <see cref="DocumentMetadata.RetainUntil"/>.
/// There is deliberately no delete: CITES requires records kept five years after expiry, and a
/// document anchored on chain must stay servable.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores the document of a permit. Storing the same bytes again is idempotent (it may
    /// only extend the retention date); other bytes for the same permit are refused.
    /// </summary>
    /// <exception cref="DocumentTooLargeException">The document is empty or larger than the configured bound.</exception>
    /// <exception cref="DocumentConflictException">The permit already has a document with another hash.</exception>
    /// <exception cref="ArgumentException">The media type is not a type/subtype.</exception>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<DocumentPutResult> PutAsync(DocumentToStore document, CancellationToken cancellationToken = default);

    /// <summary>
    /// What is stored for one permit, without decrypting anything; null when the permit has no
    /// document here. <see cref="DocumentMetadata.IsDraft"/> tells a document held as a draft
    /// (EPIX GET NON FINAL: answer NOT_AVAILABLE "held as a draft", serve nothing) from one
    /// sent for registration (check the chain for its status before serving it).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<DocumentMetadata?> FindByPermitAsync(PermitKey permitKey, CancellationToken cancellationToken = default);

    /// <summary>The document of a permit, checked against its hash; null when the permit has none here.</summary>
    /// <exception cref="DocumentIntegrityException">The stored row was altered: never served as good.</exception>
    /// <exception cref="DocumentKeyException">The row's key is not configured, or the configured key is not the one it was sealed with.</exception>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<StoredDocument?> GetAsync(PermitKey permitKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// A document with the given SHA-256 (the earliest stored, should several permits share the
    /// same bytes), checked like <see cref="GetAsync"/>; null when none.
    /// </summary>
    /// <exception cref="DocumentIntegrityException">The stored row was altered.</exception>
    /// <exception cref="DocumentKeyException">The row's key is missing or wrong.</exception>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<StoredDocument?> GetByHashAsync(DocumentHash documentHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// What is stored for each of the given permits (metadata only, nothing decrypted), in
    /// storage order; permits without a document are absent. At most
    /// <see cref="DocumentStoreLimits.MaxListedPermits"/> keys per call.
    /// </summary>
    /// <exception cref="ArgumentException">Too many keys.</exception>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<IReadOnlyList<DocumentMetadata>> ListByPermitsAsync(IReadOnlyCollection<PermitKey> permitKeys, CancellationToken cancellationToken = default);

    /// <summary>
    /// The issuer's stored documents, newest first (by first storage), one page at a time,
    /// optionally only permits whose number starts with a prefix; drafts included (marked).
    /// Metadata only, nothing decrypted. Pages follow each other without gaps or repeats while
    /// documents are added (keyset paging on storage time and permit key).
    /// </summary>
    /// <exception cref="ArgumentException">Page size out of range, a prefix no permit number can have, or a token this store did not give.</exception>
    /// <exception cref="StoreUnavailableException">The database cannot be reached.</exception>
    Task<DocumentListPage> ListNewestAsync(DocumentListQuery query, CancellationToken cancellationToken = default);
}
