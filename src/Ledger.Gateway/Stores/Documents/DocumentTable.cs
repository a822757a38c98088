namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The one table of the SQL document stores, shared by SQLite and PostgreSQL. Times are Unix
/// milliseconds (bigint) so that both databases hold the same values and compare them alike.
/// </summary>
internal static class DocumentTable
{
    public const string Name = "ledger_documents";

    public const string MetadataColumns = "permit_key, document_hash, media_type, size_bytes, stored_at_ms, retain_until_ms, key_id, held_as_draft, permit_id";

    /// <summary>Position of the first of <see cref="SealedColumns"/> in a row read as metadata then sealed columns.</summary>
    public const int FirstSealedOrdinal = 9;

    public const string SealedColumns = "key_check, nonce, sealed";

    /// <summary>What the databases' retention triggers say when a delete comes too early.</summary>
    public const string RetentionMessage = "ledger_documents: a permit document is kept until retain_until_ms (CITES retention)";

    /// <summary>
    /// The table as first released. Columns added since are not in it: <see cref="AddedColumns"/>
    /// adds them, to a table created by an older gateway and to a new one alike, so every
    /// database goes through the same path.
    /// </summary>
    public static string CreateTable(string binaryType, string integerType) => $"""
        CREATE TABLE IF NOT EXISTS {Name} (
            permit_key {binaryType} NOT NULL PRIMARY KEY,
            document_hash {binaryType} NOT NULL,
            media_type TEXT NOT NULL,
            size_bytes {integerType} NOT NULL,
            stored_at_ms {integerType} NOT NULL,
            retain_until_ms {integerType} NOT NULL,
            key_id TEXT NOT NULL,
            key_check {binaryType} NOT NULL,
            nonce {binaryType} NOT NULL,
            sealed {binaryType} NOT NULL
        )
        """;

    /// <summary>
    /// Columns added after the first release, in order, as (name, definition): drafts
    /// (held_as_draft) and the readable permit number (permit_id: null on rows stored before it
    /// existed, since a key cannot be turned back into a number).
    /// </summary>
    public static IReadOnlyList<(string Name, string Definition)> AddedColumns(string integerType) =>
    [
        ("held_as_draft", $"{integerType} NOT NULL DEFAULT 0"),
        ("permit_id", "TEXT"),
    ];

    /// <summary>The indexes, after <see cref="AddedColumns"/>; every statement may run again.</summary>
    public static IReadOnlyList<string> Indexes { get; } =
    [
        $"CREATE INDEX IF NOT EXISTS {Name}_by_hash ON {Name} (document_hash, stored_at_ms)",
        // The issuer's list of its permits: newest first, paged by (stored_at_ms, permit_key).
        $"CREATE INDEX IF NOT EXISTS {Name}_by_time ON {Name} (stored_at_ms, permit_key)",
    ];
}
