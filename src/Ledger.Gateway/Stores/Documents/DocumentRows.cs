using System.Data.Common;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Core.Documents;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>A connection and, inside a transaction, that transaction, which every command on the connection must name.</summary>
internal readonly record struct DbSession(DbConnection Connection, DbTransaction? Transaction)
{
    /// <summary>A command on the connection, in the transaction if any.</summary>
    public DbCommand CreateCommand()
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        return command;
    }
}

/// <summary>
/// The SQL of one document row, shared by SQLite and PostgreSQL: storing a document (insert, or
/// settle with the row already there), reading a row's metadata, binding parameters.
/// </summary>
internal static class DocumentRows
{
    /// <summary>
    /// Stores one document's row, or settles with the row already there: the same bytes promote
    /// a draft or extend retention, other bytes replace only a draft.
    /// </summary>
    /// <exception cref="DocumentConflictException">The permit's document was sent for registration with other bytes.</exception>
    public static async Task<DocumentPutResult> PutAsync(DbSession session, DocumentMetadata metadata, SealedDocument sealedDocument,
        CancellationToken cancellationToken)
    {
        // Every write below is conditional on what was read; when a racing writer changed
        // the row in between, read again. A few rounds settle any honest race.
        for (var round = 0; ; round++)
        {
            if (await TryInsertAsync(session, metadata, sealedDocument, cancellationToken) == 1)
                return new DocumentPutResult(metadata, Created: true);
            var existing = await ReadMetadataAsync(session, metadata.PermitKey, cancellationToken)
                ?? throw new InvalidOperationException($"The document store neither inserted nor holds permit {metadata.PermitKey}.");
            var settled = existing.DocumentHash == metadata.DocumentHash
                ? await KeepSameBytesAsync(session, existing, metadata, cancellationToken)
                : await ReplaceDraftAsync(session, existing, metadata, sealedDocument, round, cancellationToken);
            if (settled is not null)
                return settled;
        }
    }

    /// <summary>
    /// The same bytes again: promotes a draft when registering, extends retention when later.
    /// Null when a racing writer replaced the draft meanwhile.
    /// </summary>
    private static async Task<DocumentPutResult?> KeepSameBytesAsync(DbSession session, DocumentMetadata existing, DocumentMetadata offered,
        CancellationToken cancellationToken)
    {
        var kept = existing;
        if (existing.PermitId is null && offered.PermitId is not null)
        {
            await RecordPermitIdAsync(session, existing.PermitKey, offered.PermitId, cancellationToken);
            kept = kept with { PermitId = offered.PermitId };
        }
        if (existing.IsDraft && !offered.IsDraft)
        {
            if (await PromoteDraftAsync(session, existing, cancellationToken) == 0)
                return null;
            kept = kept with { IsDraft = false };
        }
        if (offered.RetainUntil <= existing.RetainUntil)
            return new DocumentPutResult(kept, Created: false);
        await ExtendRetentionAsync(session, existing.PermitKey, offered.RetainUntil, cancellationToken);
        return new DocumentPutResult(kept with { RetainUntil = offered.RetainUntil }, Created: false);
    }

    /// <summary>
    /// Other bytes: a draft is not anchored anywhere, so a corrected draft or the registered
    /// document takes its place; a document sent for registration never changes. Null when a
    /// racing writer changed the row meanwhile.
    /// </summary>
    /// <exception cref="DocumentConflictException">The permit's document was sent for registration with other bytes.</exception>
    private static async Task<DocumentPutResult?> ReplaceDraftAsync(DbSession session, DocumentMetadata existing, DocumentMetadata offered,
        SealedDocument sealedDocument, int round, CancellationToken cancellationToken)
    {
        const int MostRounds = 3;
        if (!existing.IsDraft || round >= MostRounds)
            throw new DocumentConflictException(existing.PermitKey, existing.DocumentHash, offered.DocumentHash);
        await using var command = session.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET document_hash = @hash, media_type = @media, size_bytes = @size, "
            + "stored_at_ms = @stored, retain_until_ms = @retain, key_id = @keyId, held_as_draft = @draft, permit_id = @permitId, "
            + "key_check = @keyCheck, nonce = @nonce, sealed = @sealed WHERE permit_key = @key AND held_as_draft = 1 AND document_hash = @replaced";
        BindRow(command, offered, sealedDocument);
        AddBytes(command, "@replaced", existing.DocumentHash.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? new DocumentPutResult(offered, Created: true) : null;
    }

    private static async Task<int> TryInsertAsync(DbSession session, DocumentMetadata metadata, SealedDocument sealedDocument, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand();
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

    private static async Task<int> PromoteDraftAsync(DbSession session, DocumentMetadata draft, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET held_as_draft = 0 WHERE permit_key = @key AND document_hash = @hash";
        AddBytes(command, "@key", draft.PermitKey.Value);
        AddBytes(command, "@hash", draft.DocumentHash.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<DocumentMetadata?> ReadMetadataAsync(DbSession session, PermitKey permitKey, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand();
        command.CommandText = $"SELECT {DocumentTable.MetadataColumns} FROM {DocumentTable.Name} WHERE permit_key = @key";
        AddBytes(command, "@key", permitKey.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMetadata(reader) : null;
    }

    private static async Task ExtendRetentionAsync(DbSession session, PermitKey permitKey, DateTimeOffset retainUntil, CancellationToken cancellationToken)
    {
        // Only ever later: "WHERE retain_until_ms < @retain" keeps a racing shorter value from winning.
        await using var command = session.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET retain_until_ms = @retain WHERE permit_key = @key AND retain_until_ms < @retain";
        AddParameter(command, "@retain", retainUntil.ToUnixTimeMilliseconds());
        AddBytes(command, "@key", permitKey.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row stored before the store kept numbers gets its number when its document is stored again.</summary>
    private static async Task RecordPermitIdAsync(DbSession session, PermitKey permitKey, string permitId, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand();
        command.CommandText = $"UPDATE {DocumentTable.Name} SET permit_id = @permitId WHERE permit_key = @key AND permit_id IS NULL";
        AddParameter(command, "@permitId", permitId);
        AddBytes(command, "@key", permitKey.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static DocumentMetadata ReadMetadata(DbDataReader reader) => new(
        new PermitKey(new Bytes32(reader.GetFieldValue<byte[]>(0))),
        new DocumentHash(new Bytes32(reader.GetFieldValue<byte[]>(1))),
        reader.GetString(2),
        reader.GetInt64(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.GetString(6),
        reader.GetInt64(7) != 0,
        reader.IsDBNull(8) ? null : reader.GetString(8));

    internal static void AddBytes(DbCommand command, string name, Bytes32 value) => AddParameter(command, name, value.ToArray());

    internal static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
