using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// A permit already has a document with another hash. A permit's document never changes
/// (its hash is anchored); a corrected document belongs to a replacement permit. A service
/// answers ALREADY_EXISTS.
/// </summary>
public sealed class DocumentConflictException : Exception
{
    /// <summary>Creates the exception naming the permit and both hashes (hashes are not secret).</summary>
    public DocumentConflictException(PermitKey permitKey, DocumentHash stored, DocumentHash offered)
        : base($"Permit {permitKey} already has a document with SHA-256 {stored}; refusing another ({offered}). "
            + "A permit's document never changes: register a replacement permit for a corrected document.")
    {
        PermitKey = permitKey;
        StoredHash = stored;
        OfferedHash = offered;
    }

    /// <summary>The permit.</summary>
    public PermitKey PermitKey { get; }

    /// <summary>The hash of the document already stored.</summary>
    public DocumentHash StoredHash { get; }

    /// <summary>The hash of the refused document.</summary>
    public DocumentHash OfferedHash { get; }
}
