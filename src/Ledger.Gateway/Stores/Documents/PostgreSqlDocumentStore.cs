using System.Data.Common;
using Npgsql;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>The production store: a PostgreSQL database reached through one pooled Npgsql data source.</summary>
public sealed class PostgreSqlDocumentStore : SqlDocumentStore, IAsyncDisposable, IDisposable
{
    // Any fixed number: serialises schema creation between gateways sharing one database.
    private const long SchemaLockId = 0x4C65_6467_6572_4443;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store over <see cref="DocumentStoreOptions.PostgreSqlConnectionString"/>.</summary>
    public PostgreSqlDocumentStore(DocumentStoreOptions options, DocumentKeyRing keys, TimeProvider time)
        : base(options, keys, time)
    {
        _dataSource = NpgsqlDataSource.Create(options.PostgreSqlConnectionString
            ?? throw new ArgumentException("Documents:PostgreSqlConnectionString is empty.", nameof(options)));
    }

    /// <inheritdoc />
    protected override string DatabaseName => "PostgreSQL";

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Refuses, in the database itself, to delete a row before its retain-until time: the API
    /// has no delete, and this stops a stray maintenance statement too.
    /// </summary>
    private static readonly string[] RetentionGuard =
    [
        $"""
        CREATE OR REPLACE FUNCTION {DocumentTable.Name}_retained() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF OLD.retain_until_ms > (extract(epoch FROM clock_timestamp()) * 1000)::bigint THEN
                RAISE EXCEPTION '{DocumentTable.RetentionMessage}';
            END IF;
            RETURN OLD;
        END
        $body$
        """,
        $"CREATE OR REPLACE TRIGGER {DocumentTable.Name}_retained BEFORE DELETE ON {DocumentTable.Name} "
            + $"FOR EACH ROW EXECUTE FUNCTION {DocumentTable.Name}_retained()",
    ];

    /// <inheritdoc />
    protected override async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // CREATE TABLE IF NOT EXISTS and adding columns are not safe against a concurrent migrator in PostgreSQL.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, [$"SELECT pg_advisory_xact_lock({SchemaLockId})"], cancellationToken, transaction);
        await DocumentTableMigration.ApplyAsync(connection, transaction, "bytea", "bigint", cancellationToken);
        await ExecuteAsync(connection, RetentionGuard, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override bool IsUnavailable(DbException error) =>
        error is NpgsqlException npgsql && (npgsql.IsTransient || npgsql is not PostgresException);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
