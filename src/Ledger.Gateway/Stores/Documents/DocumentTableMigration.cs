using System.Data.Common;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// Brings a document table created by an older gateway up to date: the columns it lacks are added
/// (<see cref="DocumentTable.AddedColumns"/>), existing rows keep their data. The same statements
/// work on SQLite and PostgreSQL; which columns exist is read from an empty query's result shape,
/// which both report alike.
/// </summary>
internal static class DocumentTableMigration
{
    /// <summary>Creates the table if missing, adds missing columns, then the indexes.</summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, string binaryType, string integerType,
        CancellationToken cancellationToken)
    {
        await RunAsync(connection, transaction, DocumentTable.CreateTable(binaryType, integerType), cancellationToken);
        var existing = await ColumnsAsync(connection, transaction, cancellationToken);
        foreach (var (name, definition) in DocumentTable.AddedColumns(integerType))
        {
            if (!existing.Contains(name))
                await RunAsync(connection, transaction, $"ALTER TABLE {DocumentTable.Name} ADD COLUMN {name} {definition}", cancellationToken);
        }
        foreach (var index in DocumentTable.Indexes)
            await RunAsync(connection, transaction, index, cancellationToken);
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {DocumentTable.Name} LIMIT 0";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
            names.Add(reader.GetName(i));
        return names;
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string statement, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
