using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The embedded default: one SQLite file in the gateway's state directory, in WAL mode with
/// full synchronous commits (a stored document survives a power cut once the call returns).
/// </summary>
public sealed class SqliteDocumentStore : SqlDocumentStore
{
    // SQLite result codes that mean "the file is busy or unreachable", not "the data is bad".
    private static readonly HashSet<int> UnavailableCodes = [5 /* BUSY */, 6 /* LOCKED */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */];

    private readonly string _connectionString;

    /// <summary>Creates the store over <see cref="DocumentStoreOptions.SqlitePath"/>, creating its folder.</summary>
    public SqliteDocumentStore(DocumentStoreOptions options, DocumentKeyRing keys, TimeProvider time)
        : base(options, keys, time)
    {
        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    protected override string DatabaseName => "SQLite";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, ["PRAGMA synchronous = FULL"], cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Refuses, in the database itself, to delete a row before its retain-until time: the API
    /// has no delete, and this stops a stray maintenance statement too.
    /// </summary>
    private const string RetentionGuard = $"""
        CREATE TRIGGER IF NOT EXISTS {DocumentTable.Name}_retained BEFORE DELETE ON {DocumentTable.Name}
        WHEN old.retain_until_ms > CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
        BEGIN SELECT RAISE(ABORT, '{DocumentTable.RetentionMessage}'); END
        """;

    /// <inheritdoc />
    protected override async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The journal mode cannot change inside a transaction. The rest runs under SQLite's write
        // lock (an immediate transaction), so two gateways sharing the file never add a column twice.
        await ExecuteAsync(connection, ["PRAGMA journal_mode = WAL"], cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DocumentTableMigration.ApplyAsync(connection, transaction, "BLOB", "INTEGER", cancellationToken);
        await ExecuteAsync(connection, [RetentionGuard], cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override bool IsUnavailable(DbException error) =>
        error is SqliteException sqlite && UnavailableCodes.Contains(sqlite.SqliteErrorCode);
}
