using System.Data.Common;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The document store over any ADO.NET database that understands the shared SQL
/// (<c>INSERT ... ON CONFLICT DO NOTHING</c>, <c>LIMIT</c>): SQLite and PostgreSQL. One
/// connection per call; the primary key on the permit decides races, so two gateways or
/// threads storing one permit at once end with one row.
/// </summary>
public abstract class SqlDocumentStore : IDocumentStore
{
    private readonly DocumentStoreOptions _options;
    private readonly DocumentSealer _sealer;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the store; the schema is created on first use.</summary>
    protected SqlDocumentStore(DocumentStoreOptions options, DocumentKeyRing keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sealer = new DocumentSealer(keys);
        _time = time;
    }

    /// <summary>The database's name in messages ("SQLite", "PostgreSQL").</summary>
    protected abstract string DatabaseName { get; }

    /// <summary>Opens a connection ready for commands.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Creates the table and index if missing.</summary>
    protected abstract Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when the failure means "database unreachable, retry later" rather than a bug or bad data.</summary>
    protected abstract bool IsUnavailable(DbException error);

    /// <inheritdoc />
    public async Task<DocumentPutResult> PutAsync(DocumentToStore document, CancellationToken cancellationToken = default)
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

        return await RunAsync(async connection =>
        {
            // Every write below is conditional on what was read; when a racing writer changed
            // the row in between, read again. A few rounds settle any honest race.
            for (var round = 0; ; round++)
            {
                if (await TryInsertAsync(connection, metadata, sealedDocument, cancellationToken) == 1)
                    return new DocumentPutResult(metadata, Created: true);
                var existing = await ReadMetadataAsync(connection, document.PermitKey, cancellationToken)
                    ?? throw new InvalidOperationException($"The {DatabaseName} document store neither inserted nor holds permit {document.PermitKey}.");
                var settled = existing.DocumentHash == hash
                    ? await KeepSameBytesAsync(connection, existing, metadata, cancellationToken)
                    : await ReplaceDraftAsync(connection, existing, metadata, sealedDocument, round, cancellationToken);
                if (settled is not null)
                    return settled;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The same bytes again: promotes a draft when registering, extends retention when later.
    /// Null when a racing writer replaced the draft meanwhile.
    /// </summary>
    private static async Task<DocumentPutResult?> KeepSameBytesAsync(DbConnection connection, DocumentMetadata existing, DocumentMetadata offered,
        CancellationToken cancellationToken)
    {
        var kept = existing;
        if (existing.PermitId is null && offered.PermitId is not null)
        {
            await RecordPermitIdAsync(connection, existing.PermitKey, offered.PermitId, cancellationToken);
            kept = kept with { PermitId = offered.PermitId };
        }
        if (existing.IsDraft && !offered.IsDraft)
        {
            if (await PromoteDraftAsync(connection, existing, cancellationToken) == 0)
                return null;
            kept = kept with { IsDraft = false };
        }
        if (offered.RetainUntil <= existing.RetainUntil)
            return new DocumentPutResult(kept, Created: false);
        await ExtendRetentionAsync(connection, existing.PermitKey, offered.RetainUntil, cancellationToken);
        return new DocumentPutResult(kept with { RetainUntil = offered.RetainUntil }, Created: false);
    }

    /// <summary>
    /// Other bytes: a draft is not anchored anywhere, so a corrected draft or the registered
    /// document takes its place; a document sent for registration never changes. Null when a
    /// racing writer changed the row meanwhile.
    /// </summary>
    /// <exception cref="DocumentConflictException">The permit's document was sent for registration with other bytes.</exception>
    private static async Task<DocumentPutResult?> ReplaceDraftAsync(DbConnection connection, DocumentMetadata existing, DocumentMetadata offered,
        SealedDocument sealedDocument, int round, CancellationToken cancellationToken)
    {
        const int MostRounds = 3;
        if (!existing.IsDraft || round >= MostRounds)
            throw new DocumentConflictException(existing.PermitKey, existing.DocumentHash, offered.DocumentHash);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET document_hash = @hash, media_type = @media, size_bytes = @size, "
            + "stored_at_ms = @stored, retain_until_ms = @retain, key_id = @keyId, held_as_draft = @draft, permit_id = @permitId, "
            + "key_check = @keyCheck, nonce = @nonce, sealed = @sealed WHERE permit_key = @key AND held_as_draft = 1 AND document_hash = @replaced";
        BindRow(command, offered, sealedDocument);
        AddBytes(command, "@replaced", existing.DocumentHash.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? new DocumentPutResult(offered, Created: true) : null;
    }

    /// <inheritdoc />
    public Task<DocumentMetadata?> FindByPermitAsync(PermitKey permitKey, CancellationToken cancellationToken = default) =>
        RunAsync(connection => ReadMetadataAsync(connection, permitKey, cancellationToken), cancellationToken);

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

    private static async Task<int> TryInsertAsync(DbConnection connection, DocumentMetadata metadata, SealedDocument sealedDocument, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {DocumentTable.Name} ({DocumentTable.MetadataColumns}, {DocumentTable.SealedColumns}) "
            + "VALUES (@key, @hash, @media, @size, @stored, @retain, @keyId, @draft, @permitId, @keyCheck, @nonce, @sealed) ON CONFLICT (permit_key) DO NOTHING";
        BindRow(command, metadata, sealedDocument);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void BindRow(DbCommand command, DocumentMetadata metadata, SealedDocument sealedDocument)
    {
        AddBytes(command, "@key", metadata.PermitKey.Value);
        AddBytes(command, "@hash", metadata.DocumentHash.Value);
        AddParameter(command, "@media", metadata.MediaType);
        AddParameter(command, "@size", metadata.SizeBytes);
        AddParameter(command, "@stored", metadata.StoredAt.ToUnixTimeMilliseconds());
        AddParameter(command, "@retain", metadata.RetainUntil.ToUnixTimeMilliseconds());
        AddParameter(command, "@keyId", sealedDocument.KeyId);
        AddParameter(command, "@draft", metadata.IsDraft ? 1L : 0L);
        AddParameter(command, "@permitId", (object?)metadata.PermitId ?? DBNull.Value);
        AddParameter(command, "@keyCheck", sealedDocument.KeyCheck);
        AddParameter(command, "@nonce", sealedDocument.Nonce);
        AddParameter(command, "@sealed", sealedDocument.Ciphertext);
    }

    private static async Task<int> PromoteDraftAsync(DbConnection connection, DocumentMetadata draft, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET held_as_draft = 0 WHERE permit_key = @key AND document_hash = @hash";
        AddBytes(command, "@key", draft.PermitKey.Value);
        AddBytes(command, "@hash", draft.DocumentHash.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<DocumentMetadata?> ReadMetadataAsync(DbConnection connection, PermitKey permitKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DocumentTable.MetadataColumns} FROM {DocumentTable.Name} WHERE permit_key = @key";
        AddBytes(command, "@key", permitKey.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMetadata(reader) : null;
    }

    private static async Task ExtendRetentionAsync(DbConnection connection, PermitKey permitKey, DateTimeOffset retainUntil, CancellationToken cancellationToken)
    {
        // Only ever later: "WHERE retain_until_ms < @retain" keeps a racing shorter value from winning.
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET retain_until_ms = @retain WHERE permit_key = @key AND retain_until_ms < @retain";
        AddParameter(command, "@retain", retainUntil.ToUnixTimeMilliseconds());
        AddBytes(command, "@key", permitKey.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row stored before the store kept numbers gets its number when its document is stored again.</summary>
    private static async Task RecordPermitIdAsync(DbConnection connection, PermitKey permitKey, string permitId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET permit_id = @permitId WHERE permit_key = @key AND permit_id IS NULL";
        AddParameter(command, "@permitId", permitId);
        AddBytes(command, "@key", permitKey.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<DocumentMetadata>> ReadAllMetadataAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<DocumentMetadata>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(ReadMetadata(reader));
        return found;
    }

    private static DocumentMetadata ReadMetadata(DbDataReader reader) => new(
        new PermitKey(new Bytes32(reader.GetFieldValue<byte[]>(0))),
        new DocumentHash(new Bytes32(reader.GetFieldValue<byte[]>(1))),
        reader.GetString(2),
        reader.GetInt64(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.GetString(6),
        reader.GetInt64(7) != 0,
        reader.IsDBNull(8) ? null : reader.GetString(8));

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
            throw new StoreUnavailableException($"The {DatabaseName} document store cannot be reached; retry later.", error);
        }
    }

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

    private static void AddBytes(DbCommand command, string name, Bytes32 value) => AddParameter(command, name, value.ToArray());

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
