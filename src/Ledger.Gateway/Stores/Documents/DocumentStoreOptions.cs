using Ledger.Core.Documents;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The document store (configuration section <c>Documents</c>). The encryption keys and the
/// PostgreSQL connection string are secrets: give them through environment variables or a
/// secret store, never log this object.
/// </summary>
public sealed class DocumentStoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Documents";

    /// <summary>The CITES audit retention: records are kept at least five years after the permit expires.</summary>
    public const int MinimumRetentionYears = 5;

    /// <summary>
    /// Which database keeps the documents: SQLite in the gateway's state directory unless set;
    /// <see cref="DocumentStoreProvider.None"/> registers no store (hashes only, no document kept).
    /// </summary>
    public DocumentStoreProvider Provider { get; set; } = DocumentStoreProvider.Sqlite;

    /// <summary>
    /// The SQLite file, beside the checkpoints in the gateway's state directory. A relative path
    /// is taken from the working directory: give an absolute one in production.
    /// </summary>
    public string SqlitePath { get; set; } = "data/documents.sqlite";

    /// <summary>Npgsql connection string, e.g. "Host=db;Database=ledger;Username=gateway;Password=..." (a secret).</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>
    /// The key id new documents are sealed with; must be one of <see cref="EncryptionKeys"/> or
    /// <see cref="KeyFiles"/>. May be left out when exactly one key is configured.
    /// </summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>
    /// Every key that sealed documents still stored, by key id: 32 bytes in base64 each
    /// (<c>openssl rand -base64 32</c>). To rotate, add a key, make it active, keep the old ones.
    /// </summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>
    /// Keys kept in files, by key id: each file holds one key in base64 (<c>openssl rand -base64 32</c>,
    /// mode 0600). The preferred way: the key never passes through configuration or environment.
    /// </summary>
    public Dictionary<string, string> KeyFiles { get; set; } = [];

    /// <summary>Whole years a document is kept after its permit's validity ends; at least <see cref="MinimumRetentionYears"/>.</summary>
    public int RetentionYearsAfterExpiry { get; set; } = MinimumRetentionYears;

    /// <summary>Largest document accepted; at most what the ledger anchors (<see cref="DocumentHash.MaxDocumentBytes"/>).</summary>
    public int MaxDocumentBytes { get; set; } = DocumentHash.MaxDocumentBytes;
}
