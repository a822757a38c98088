using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>What the store knows about a document without decrypting it.</summary>
/// <param name="PermitKey">The permit the document belongs to.</param>
/// <param name="DocumentHash">SHA-256 of the document's bytes, as anchored on chain.</param>
/// <param name="MediaType">What the bytes are, e.g. <c>application/xml</c>.</param>
/// <param name="SizeBytes">Length of the document.</param>
/// <param name="StoredAt">When the document was first stored (whole milliseconds, UTC).</param>
/// <param name="RetainUntil">The earliest moment the document may be purged by an operator (never by the API).</param>
/// <param name="KeyId">Which configured encryption key sealed it (for rotation).</param>
/// <param name="IsDraft">
/// True while the document is only held as a draft (EPIX GET NON FINAL: known here, never sent
/// for registration); false once its registration was sent, or about to be. Whether that
/// registration landed is the chain's to say, never the store's.
/// </param>
/// <param name="PermitId">
/// The permit's readable number (normalised), or null for a document stored before the store kept
/// numbers (the key is a hash and cannot be turned back into one).
/// </param>
public sealed record DocumentMetadata(
    PermitKey PermitKey,
    DocumentHash DocumentHash,
    string MediaType,
    long SizeBytes,
    DateTimeOffset StoredAt,
    DateTimeOffset RetainUntil,
    string KeyId,
    bool IsDraft = false,
    string? PermitId = null);
