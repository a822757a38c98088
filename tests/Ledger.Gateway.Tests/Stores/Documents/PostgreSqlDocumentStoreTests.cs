using System.Data.Common;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Npgsql;

namespace Ledger.Gateway.Tests.Stores.Documents;

/// <summary>The contract against a real PostgreSQL (a throw-away cluster per class, a fresh schema per test).</summary>
public sealed class PostgreSqlDocumentStoreTests(PostgresServerFixture postgres)
    : DocumentStoreContract, IClassFixture<PostgresServerFixture>, IRequiresPostgres, IAsyncLifetime
{
    private readonly List<PostgreSqlDocumentStore> _stores = [];
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        if (PostgresServer.IsInstalled)
            _connectionString = await postgres.Server.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
            await store.DisposeAsync();
    }

    protected override IDocumentStore OpenStore(DocumentKeyRing keys, DocumentStoreOptions options)
    {
        options.Provider = DocumentStoreProvider.PostgreSql;
        options.PostgreSqlConnectionString = ConnectionString;
        var store = new PostgreSqlDocumentStore(options, keys, Clock);
        _stores.Add(store);
        return store;
    }

    protected override (string Binary, string Integer) SqlTypes => ("bytea", "bigint");

    protected override string TakeWriteLockStatement => "BEGIN; LOCK TABLE ledger_documents IN EXCLUSIVE MODE";

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    [StoreFact]
    public async Task An_unreachable_server_is_reported_as_unavailable_without_the_connection_string()
    {
        var options = new DocumentStoreOptions
        {
            Provider = DocumentStoreProvider.PostgreSql,
            PostgreSqlConnectionString = "Host=127.0.0.1;Port=1;Username=u;Password=s3cret-pw;Timeout=2",
        };
        await using var store = new PostgreSqlDocumentStore(options, Keys.Ring("k1"), Clock);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(Ledger.Core.Permits.PermitId.Parse("CH/1").Key));

        Assert.DoesNotContain("s3cret-pw", error.Message);
        Assert.Contains("retry", error.Message);
    }
}
