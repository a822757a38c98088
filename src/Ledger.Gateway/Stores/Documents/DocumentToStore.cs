using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>A permit document to keep: the bytes as the issuer registered them.</summary>
/// <param name="PermitId">
/// The permit the document belongs to. Its readable number is kept beside the document (the chain
/// keeps only <see cref="PermitKey"/>, a hash), so the issuer can list its permits by number.
/// </param>
/// <param name="MediaType">What the bytes are, e.g. <c>application/xml</c>.</param>
/// <param name="Content">The document's bytes; its SHA-256 is what the ledger anchors.</param>
/// <param name="PermitValidUntil">The permit's end of validity; the document is kept for the retention period after it.</param>
/// <param name="AsDraft">
/// True to hold the document as a draft (not registered); false for a document being
/// registered, which also promotes a draft of the same bytes.
/// </param>
public sealed record DocumentToStore(PermitId PermitId, string MediaType, ReadOnlyMemory<byte> Content, DateTimeOffset PermitValidUntil,
    bool AsDraft = false)
{
    /// <summary>The permit's on-chain key, derived from <see cref="PermitId"/> (never given apart from it, so the two always agree).</summary>
    public PermitKey PermitKey => PermitId.Key;
}
