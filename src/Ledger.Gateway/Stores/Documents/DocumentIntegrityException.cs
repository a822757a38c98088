using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// A stored document failed its checks on read (authentication tag, SHA-256 or length): the
/// row was altered in the database. The bytes are never returned; a service reports the
/// mismatch loudly (DATA_LOSS) so that the operator restores the row from a backup.
/// </summary>
public sealed class DocumentIntegrityException : Exception
{
    /// <summary>Creates the exception naming the permit and what failed.</summary>
    public DocumentIntegrityException(PermitKey permitKey, string failure, Exception? innerException = null)
        : base($"The stored document of permit {permitKey} was altered in the document store ({failure}); "
            + "it is not served. Restore the row from a backup.", innerException)
    {
        PermitKey = permitKey;
    }

    /// <summary>The permit whose document failed.</summary>
    public PermitKey PermitKey { get; }
}
