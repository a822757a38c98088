using System.Data.Common;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using static Ledger.Gateway.Stores.Documents.DocumentRows;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The document store over any ADO.NET database that understands the shared SQL
/// (<c>INSERT ... ON CONFLICT DO NOTHING</c>, <c>LIMIT</c>): SQLite and PostgreSQL. One
/// connection per call; the primary key on the permit decides races, so two gateways or
/// threads storing one permit at once end with one row. Puts are group-committed
/// (<see cref="GroupCommitQueue{TWrite, TResult}"/>): the puts arriving while one commits share
/// the next transaction and its one durable commit, each under its own savepoint, so a put that
/// fails (a conflict, a bad row) fails alone and the others of its batch are still stored.
/// </summary>
public abstract class SqlDocumentStore : IDocumentStore
{
    private readonly DocumentStoreOptions _options;
    private readonly DocumentSealer _sealer;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly GroupCommitQueue<PreparedPut, DocumentPutResult> _puts;
    private volatile bool _schemaReady;

    /// <summary>Creates the store; the schema is created on first use.</summary>
    protected SqlDocumentStore(DocumentStoreOptions options, DocumentKeyRing keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sealer = new DocumentSealer(keys);
        _time = time;
        _puts = new GroupCommitQueue<PreparedPut, DocumentPutResult>(CommitPutsAsync, MaxPutsPerCommit);
    }

    /// <summary>Most puts one transaction commits; more wait for the next.</summary>
    public const int MaxPutsPerCommit = 128;

    /// <summary>Transactions committed for puts so far (each covers one or more puts).</summary>
    internal long PutCommits => _puts.Batches;

    /// <summary>Puts waiting for a transaction, not yet in one.</summary>
    internal int QueuedPuts => _puts.Queued;

    /// <summary>The database's name in messages ("SQLite", "PostgreSQL").</summary>
    protected abstract string DatabaseName { get; }

    /// <summary>Opens a connection ready for commands.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Creates the table and index if missing.</summary>
    protected abstract Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when the failure means "database unreachable, retry later" rather than a bug or bad data.</summary>
    protected abstract bool IsUnavailable(DbException error);

    /// <inheritdoc />
    public Task<DocumentPutResult> PutAsync(DocumentToStore document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mediaType = DocumentMediaType.Normalise(document.MediaType);
        var content = document.Content;
        if (content.Length == 0 || content.Length > _options.MaxDocumentBytes)
            throw new DocumentTooLargeException(content.Length, _options.MaxDocumentBytes);
        var hash = DocumentHash.Compute(content.Span);
        var sealedDocument = _sealer.Seal(document.PermitKey, hash, content.Span);
        var metadata = new DocumentMetadata(document.PermitKey, hash, mediaType, content.Length,
            WholeMilliseconds(_time.GetUtcNow()), RetainUntil(document.PermitValidUntil), sealedDocument.KeyId, document.AsDraft,
            document.PermitId.Normalised);

        return _puts.CommitAsync(new PreparedPut(metadata, sealedDocument), cancellationToken);
    }

    /// <summary>
    /// One transaction for a batch of puts, each under a savepoint: a put that fails is rolled
    /// back alone and reported to its caller alone. Not cancellable: the batch is other callers' too.
    /// </summary>
    private Task<IReadOnlyList<GroupCommitOutcome<DocumentPutResult>>> CommitPutsAsync(IReadOnlyList<PreparedPut> puts) =>
        RunAsync<IReadOnlyList<GroupCommitOutcome<DocumentPutResult>>>(async connection =>
        {
            const string Savepoint = "document_put";
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            var session = new DbSession(connection, transaction);
            var outcomes = new GroupCommitOutcome<DocumentPutResult>[puts.Count];
            // In permit-key order: two replicas' batches sharing permits take their row locks in the
            // same order, so PostgreSQL never has to abort one of them as a deadlock.
            foreach (var i in Enumerable.Range(0, puts.Count).OrderBy(i => puts[i].Metadata.PermitKey.ToString(), StringComparer.Ordinal))
            {
                await transaction.SaveAsync(Savepoint, CancellationToken.None);
                try
                {
                    outcomes[i] = new(await DocumentRows.PutAsync(session, puts[i].Metadata, puts[i].Sealed, CancellationToken.None), null);
                    await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                }
                catch (Exception e) when (e is DocumentConflictException or DbException)
                {
                    await transaction.RollbackAsync(Savepoint, CancellationToken.None);
                    outcomes[i] = new(default, e is DbException db && IsUnavailable(db) ? Unavailable(db) : e);
                }
            }
            await transaction.CommitAsync(CancellationToken.None);
            return outcomes;
        }, CancellationToken.None);

    /// <inheritdoc />
    public Task<DocumentMetadata?> FindByPermitAsync(PermitKey permitKey, CancellationToken cancellationToken = default) =>
        RunAsync(connection => ReadMetadataAsync(new DbSession(connection, null), permitKey, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<StoredDocument?> GetAsync(PermitKey permitKey, CancellationToken cancellationToken = default) =>
        ReadOneAsync("permit_key = @key", command => AddBytes(command, "@key", permitKey.Value), cancellationToken);

    /// <inheritdoc />
    public Task<StoredDocument?> GetByHashAsync(DocumentHash documentHash, CancellationToken cancellationToken = default) =>
        ReadOneAsync("document_hash = @hash ORDER BY stored_at_ms, permit_key LIMIT 1",
            command => AddBytes(command, "@hash", documentHash.Value), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentMetadata>> ListByPermitsAsync(IReadOnlyCollection<PermitKey> permitKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permitKeys);
        if (permitKeys.Count > DocumentStoreLimits.MaxListedPermits)
            throw new ArgumentException($"List at most {DocumentStoreLimits.MaxListedPermits} permits per call, not {permitKeys.Count}.", nameof(permitKeys));
        var keys = permitKeys.Distinct().ToArray();
        if (keys.Length == 0)
            return [];
        return await RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var names = keys.Select((_, i) => $"@k{i}").ToArray();
            command.CommandText = $"SELECT {DocumentTable.MetadataColumns} FROM {DocumentTable.Name} "
                + $"WHERE permit_key IN ({string.Join(", ", names)}) ORDER BY stored_at_ms, permit_key";
            for (var i = 0; i < keys.Length; i++)
                AddBytes(command, names[i], keys[i].Value);
            return await ReadAllMetadataAsync(command, cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DocumentListPage> ListNewestAsync(DocumentListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = query.CheckedPageSize();
        var prefix = query.NormalisedPrefix();
        var after = query.After();
        var rows = await RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var conditions = new List<string>();
            if (prefix.Length > 0)
            {
                // substr rather than LIKE: the same, case-sensitive, on both engines, with no wildcard to escape.
                conditions.Add("substr(permit_id, 1, @prefixLength) = @prefix");
                AddParameter(command, "@prefix", prefix);
                AddParameter(command, "@prefixLength", prefix.Length);
            }
            if (after is { } start)
            {
                conditions.Add("(stored_at_ms < @afterAt OR (stored_at_ms = @afterAt AND permit_key < @afterKey))");
                AddParameter(command, "@afterAt", start.StoredAtMs);
                AddBytes(command, "@afterKey", start.Key);
            }
            command.CommandText = $"SELECT {DocumentTable.MetadataColumns} FROM {DocumentTable.Name} "
                + (conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) + " " : "")
                + "ORDER BY stored_at_ms DESC, permit_key DESC LIMIT @limit";
            // One more than the page: whether it exists decides the next page's token.
            AddParameter(command, "@limit", pageSize + 1);
            return await ReadAllMetadataAsync(command, cancellationToken);
        }, cancellationToken);
        return rows.Count > pageSize
            ? new DocumentListPage(rows[..pageSize], DocumentListQuery.TokenAfter(rows[pageSize - 1]))
            : new DocumentListPage(rows, "");
    }

    private async Task<StoredDocument?> ReadOneAsync(string condition, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        var row = await RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {DocumentTable.MetadataColumns}, {DocumentTable.SealedColumns} FROM {DocumentTable.Name} WHERE {condition}";
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            var metadata = ReadMetadata(reader);
            const int First = DocumentTable.FirstSealedOrdinal;
            var sealedDocument = new SealedDocument(metadata.KeyId, reader.GetFieldValue<byte[]>(First),
                reader.GetFieldValue<byte[]>(First + 1), reader.GetFieldValue<byte[]>(First + 2));
            return new { Metadata = metadata, Sealed = sealedDocument };
        }, cancellationToken);
        if (row is null)
            return null;
        var content = _sealer.Open(row.Metadata.PermitKey, row.Metadata.DocumentHash, row.Metadata.SizeBytes, row.Sealed);
        return new StoredDocument(row.Metadata, content);
    }

    private static async Task<List<DocumentMetadata>> ReadAllMetadataAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<DocumentMetadata>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(ReadMetadata(reader));
        return found;
    }

    private DateTimeOffset RetainUntil(DateTimeOffset permitValidUntil)
    {
        var years = _options.RetentionYearsAfterExpiry;
        var utc = permitValidUntil.ToUniversalTime();
        var retain = utc.Year >= DateTimeOffset.MaxValue.Year - years ? DateTimeOffset.MaxValue : utc.AddYears(years);
        // Rounded up to the millisecond the database keeps, so rounding never shortens retention.
        var truncated = WholeMilliseconds(retain);
        return truncated == retain || retain.Year == DateTimeOffset.MaxValue.Year ? truncated : truncated.AddMilliseconds(1);
    }

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await EnsureSchemaAsync(connection, cancellationToken);
            return await operation(connection);
        }
        catch (DbException error) when (IsUnavailable(error))
        {
            throw Unavailable(error);
        }
    }

    private StoreUnavailableException Unavailable(DbException error) =>
        new($"The {DatabaseName} document store cannot be reached; retry later.", error);

    /// <summary>A put ready for its batch: the row's metadata and its sealed bytes.</summary>
    private sealed record PreparedPut(DocumentMetadata Metadata, SealedDocument Sealed);

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_schemaReady)
            return;
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await CreateSchemaAsync(connection, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>Runs each schema statement on <paramref name="connection"/>.</summary>
    protected static async Task ExecuteAsync(DbConnection connection, IEnumerable<string> statements, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

}
