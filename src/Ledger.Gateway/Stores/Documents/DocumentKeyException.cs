namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// A stored document cannot be opened with the configured keys: its key id is no longer
/// configured, or the key configured under that id is not the one that sealed it. A
/// configuration error, not tampering. The message names the key id, never key material.
/// </summary>
public sealed class DocumentKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DocumentKeyException(string message) : base(message)
    {
    }
}
