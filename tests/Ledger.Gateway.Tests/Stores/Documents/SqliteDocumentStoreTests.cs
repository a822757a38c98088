using System.Data.Common;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ledger.Gateway.Tests.Stores.Documents;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => _directory.File("state/documents.sqlite");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    protected override IDocumentStore OpenStore(DocumentKeyRing keys, DocumentStoreOptions options)
    {
        options.SqlitePath = DatabasePath;
        return new SqliteDocumentStore(options, keys, Clock);
    }

    protected override (string Binary, string Integer) SqlTypes => ("BLOB", "INTEGER");

    protected override string TakeWriteLockStatement => "BEGIN IMMEDIATE";

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        // The store creates the folder on first use; a test may reach the database before it (an older gateway's table).
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task The_file_and_its_folder_are_created_on_first_use()
    {
        var store = OpenStore(new TestDocumentKeys().Ring("k1"), new DocumentStoreOptions());

        Assert.Empty(await store.ListByPermitsAsync([Ledger.Core.Permits.PermitId.Parse("CH/1").Key]));
        Assert.True(File.Exists(DatabasePath));
    }
}
