using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Stores.Documents;

/// <summary>What every <see cref="IDocumentStore"/> must do; run against SQLite and a real PostgreSQL.</summary>
public abstract partial class DocumentStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidUntil = new(2026, 9, 14, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The keys the store under test is given.</summary>
    protected TestDocumentKeys Keys { get; } = new();

    /// <summary>The clock the stores read.</summary>
    protected FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>
    /// A store over the test's backing storage: calling it twice gives two instances over the
    /// SAME storage, as a restarted (or second) gateway would have.
    /// </summary>
    protected abstract IDocumentStore OpenStore(DocumentKeyRing keys, DocumentStoreOptions options);

    /// <summary>An open connection to the backing database, to look at and damage rows as an intruder would.</summary>
    protected abstract Task<DbConnection> OpenDatabaseAsync();

    private IDocumentStore OpenStore(Action<DocumentStoreOptions>? configure = null) =>
        OpenStore(Keys.Ring("k1"), Options(configure));

    private static DocumentStoreOptions Options(Action<DocumentStoreOptions>? configure)
    {
        var options = new DocumentStoreOptions();
        configure?.Invoke(options);
        return options;
    }

    private static PermitKey Key(string permitId) => PermitId.Parse(permitId).Key;

    private static byte[] Document(string permitId, int padding = 0) => Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\"?><CITESEPermit><ID>{permitId}</ID><Secret>Panthera pardus skins</Secret>{new string(' ', padding)}</CITESEPermit>");

    private static DocumentToStore ToStore(string permitId, byte[] content, DateTimeOffset? validUntil = null, string mediaType = "application/xml") =>
        new(PermitId.Parse(permitId), mediaType, content, validUntil ?? ValidUntil);

    private static DocumentToStore Draft(string permitId, byte[] content) => ToStore(permitId, content) with { AsDraft = true };

    [StoreFact]
    public async Task A_draft_is_found_as_a_draft_and_registering_the_same_bytes_promotes_it()
    {
        var content = Document("CH/2026/D1");
        var held = await OpenStore().PutAsync(Draft("CH/2026/D1", content));
        var asDraft = await OpenStore().FindByPermitAsync(Key("CH/2026/D1"));

        var registered = await OpenStore().PutAsync(ToStore("CH/2026/D1", content));
        var afterwards = await OpenStore().FindByPermitAsync(Key("CH/2026/D1"));
        var heldAgain = await OpenStore().PutAsync(Draft("CH/2026/D1", content));

        Assert.True(held.Created);
        Assert.True(held.Metadata.IsDraft);
        Assert.Equal(held.Metadata, asDraft);
        Assert.False(registered.Created);
        Assert.Equal(held.Metadata with { IsDraft = false }, registered.Metadata);
        Assert.Equal(registered.Metadata, afterwards);
        Assert.False(heldAgain.Metadata.IsDraft);
        Assert.False((await OpenStore().FindByPermitAsync(Key("CH/2026/D1")))!.IsDraft);
        Assert.Equal(content, (await OpenStore().GetAsync(Key("CH/2026/D1")))!.Content.ToArray());
        Assert.Null(await OpenStore().FindByPermitAsync(Key("CH/2026/D404")));
    }

    [StoreFact]
    public async Task A_draft_gives_way_to_corrected_bytes_but_a_registered_document_never_does()
    {
        var first = Document("CH/2026/D2");
        var corrected = Document("CH/2026/D2", padding: 1);
        var registeredBytes = Document("CH/2026/D2", padding: 2);
        await OpenStore().PutAsync(Draft("CH/2026/D2", first));

        var redrafted = await OpenStore().PutAsync(Draft("CH/2026/D2", corrected));
        var registered = await OpenStore().PutAsync(ToStore("CH/2026/D2", registeredBytes));
        var draftRefused = await Assert.ThrowsAsync<DocumentConflictException>(() => OpenStore().PutAsync(Draft("CH/2026/D2", first)));

        Assert.True(redrafted.Created);
        Assert.True(redrafted.Metadata.IsDraft);
        Assert.Equal(DocumentHash.Compute(corrected), redrafted.Metadata.DocumentHash);
        Assert.True(registered.Created);
        Assert.False(registered.Metadata.IsDraft);
        Assert.Equal(DocumentHash.Compute(registeredBytes), draftRefused.StoredHash);
        var stored = await OpenStore().GetAsync(Key("CH/2026/D2"));
        Assert.Equal(registeredBytes, stored!.Content.ToArray());
        Assert.Equal(registered.Metadata, stored.Metadata);
    }

    [StoreFact]
    public async Task A_document_round_trips_with_its_metadata_by_permit_by_hash_and_in_a_list()
    {
        var content = Document("CH/2026/000123");
        var put = await OpenStore().PutAsync(ToStore("CH/2026/000123", content, mediaType: " Application/XML "));

        var store = OpenStore();
        var byPermit = await store.GetAsync(Key("CH/2026/000123"));
        var byHash = await store.GetByHashAsync(new DocumentHash(new Ledger.Core.Primitives.Bytes32(SHA256.HashData(content))));
        var listed = await store.ListByPermitsAsync([Key("CH/2026/000123"), Key("CH/2026/999999")]);

        Assert.True(put.Created);
        var expected = new DocumentMetadata(Key("CH/2026/000123"), new DocumentHash(new Ledger.Core.Primitives.Bytes32(SHA256.HashData(content))),
            "application/xml", content.Length, Now, new DateTimeOffset(2031, 9, 14, 0, 0, 0, TimeSpan.Zero), "k1", PermitId: "CH/2026/000123");
        Assert.Equal(expected, put.Metadata);
        Assert.NotNull(byPermit);
        Assert.Equal(expected, byPermit.Metadata);
        Assert.Equal(content, byPermit.Content.ToArray());
        Assert.NotNull(byHash);
        Assert.Equal(content, byHash.Content.ToArray());
        Assert.Equal([expected], listed);
    }

    [StoreFact]
    public async Task The_same_bytes_under_two_permits_are_found_by_hash_as_the_earlier_one()
    {
        var content = Document("CH/2026/3");
        await OpenStore().PutAsync(ToStore("CH/2026/4", content));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await OpenStore().PutAsync(ToStore("CH/2026/3", content));

        var found = await OpenStore().GetByHashAsync(DocumentHash.Compute(content));

        Assert.Equal(Key("CH/2026/4"), found!.Metadata.PermitKey);
        Assert.Equal(2, (await OpenStore().ListByPermitsAsync([Key("CH/2026/3"), Key("CH/2026/4")])).Count);
    }

    [StoreFact]
    public async Task Unknown_permits_and_hashes_are_absent_not_errors()
    {
        var store = OpenStore();

        Assert.Null(await store.GetAsync(Key("CH/2026/404")));
        Assert.Null(await store.GetByHashAsync(DocumentHash.Compute("nothing stored"u8)));
        Assert.Empty(await store.ListByPermitsAsync([Key("CH/2026/404")]));
        Assert.Empty(await store.ListByPermitsAsync([]));
    }

    [StoreFact]
    public async Task Documents_rest_encrypted_with_a_fresh_nonce_each()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/1", Document("CH/2026/1")));
        await OpenStore().PutAsync(ToStore("CH/2026/2", Document("CH/2026/2")));

        var nonces = new List<string>();
        await using var database = await OpenDatabaseAsync();
        await using var command = database.CreateCommand();
        command.CommandText = "SELECT nonce, sealed FROM ledger_documents";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            nonces.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(0)));
            var stored = reader.GetFieldValue<byte[]>(1);
            Assert.Equal(-1, stored.AsSpan().IndexOf("Panthera"u8));
        }
        Assert.Equal(2, nonces.Distinct().Count());
    }

    [StoreFact]
    public async Task Storing_the_same_bytes_again_is_idempotent()
    {
        var content = Document("CH/2026/7");
        var first = await OpenStore().PutAsync(ToStore("CH/2026/7", content));
        Clock.Advance(TimeSpan.FromHours(1));

        var again = await OpenStore().PutAsync(ToStore("CH/2026/7", content));

        Assert.False(again.Created);
        Assert.Equal(first.Metadata, again.Metadata);
        Assert.Single(await OpenStore().ListByPermitsAsync([Key("CH/2026/7")]));
    }

    [StoreFact]
    public async Task Other_bytes_for_a_stored_permit_are_refused_and_the_first_document_stays()
    {
        var original = Document("CH/2026/8");
        await OpenStore().PutAsync(ToStore("CH/2026/8", original));

        var error = await Assert.ThrowsAsync<DocumentConflictException>(
            () => OpenStore().PutAsync(ToStore("CH/2026/8", Document("CH/2026/8", padding: 1))));

        Assert.Equal(DocumentHash.Compute(original), error.StoredHash);
        Assert.Contains("replacement permit", error.Message);
        Assert.Equal(original, (await OpenStore().GetAsync(Key("CH/2026/8")))!.Content.ToArray());
    }

    [StoreFact]
    public async Task A_flipped_ciphertext_byte_is_reported_as_altered_never_served()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/9", Document("CH/2026/9")));
        await ChangeColumnAsync(Key("CH/2026/9"), "sealed", bytes => { bytes[5] ^= 0x01; return bytes; });

        var error = await Assert.ThrowsAsync<DocumentIntegrityException>(() => OpenStore().GetAsync(Key("CH/2026/9")));

        Assert.Equal(Key("CH/2026/9"), error.PermitKey);
        Assert.Contains("altered", error.Message);
        await Assert.ThrowsAsync<DocumentIntegrityException>(() => OpenStore().GetByHashAsync(DocumentHash.Compute(Document("CH/2026/9"))));
    }

    [StoreFact]
    public async Task A_rewritten_hash_or_a_row_moved_to_another_permit_is_reported_as_altered()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/10", Document("CH/2026/10")));
        await OpenStore().PutAsync(ToStore("CH/2026/11", Document("CH/2026/11")));
        await ChangeColumnAsync(Key("CH/2026/10"), "document_hash", _ => DocumentHash.Compute("forged"u8).Value.ToArray());
        await ChangeColumnAsync(Key("CH/2026/11"), "permit_key", _ => Key("CH/2026/12").Value.ToArray());

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => OpenStore().GetAsync(Key("CH/2026/10")));
        await Assert.ThrowsAsync<DocumentIntegrityException>(() => OpenStore().GetAsync(Key("CH/2026/12")));
    }

    [StoreFact]
    public async Task A_truncated_ciphertext_is_reported_as_altered()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/13", Document("CH/2026/13")));
        await ChangeColumnAsync(Key("CH/2026/13"), "sealed", bytes => bytes[..^1]);

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => OpenStore().GetAsync(Key("CH/2026/13")));
    }

    [StoreFact]
    public async Task Another_key_under_the_same_id_is_refused_as_a_key_error_without_revealing_keys()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/14", Document("CH/2026/14")));

        var impostor = OpenStore(TestDocumentKeys.Impostor("k1"), Options(null));
        var error = await Assert.ThrowsAsync<DocumentKeyException>(() => impostor.GetAsync(Key("CH/2026/14")));

        Assert.Contains("'k1'", error.Message);
        Assert.All(Keys.AllEncoded, key => Assert.DoesNotContain(key, error.Message));
    }

    [StoreFact]
    public async Task After_a_rotation_old_documents_open_with_their_old_key_id_and_new_ones_use_the_new_key()
    {
        await OpenStore().PutAsync(ToStore("CH/2026/15", Document("CH/2026/15")));

        var rotated = OpenStore(Keys.Ring("k2", "k1"), Options(null));
        var fresh = await rotated.PutAsync(ToStore("CH/2026/16", Document("CH/2026/16")));
        var old = await rotated.GetAsync(Key("CH/2026/15"));
        var withoutOldKey = OpenStore(Keys.Ring("k2"), Options(null));

        Assert.Equal("k2", fresh.Metadata.KeyId);
        Assert.Equal("k1", old!.Metadata.KeyId);
        Assert.Equal(Document("CH/2026/15"), old.Content.ToArray());
        Assert.Equal(Document("CH/2026/16"), (await withoutOldKey.GetAsync(Key("CH/2026/16")))!.Content.ToArray());
        var missing = await Assert.ThrowsAsync<DocumentKeyException>(() => withoutOldKey.GetAsync(Key("CH/2026/15")));
        Assert.Contains("'k1'", missing.Message);
    }

    [StoreFact]
    public async Task Documents_over_the_size_bound_or_empty_are_refused_and_nothing_is_stored()
    {
        var store = OpenStore(options => options.MaxDocumentBytes = 1024);
        var atBound = new byte[1024];
        RandomNumberGenerator.Fill(atBound);

        var tooLarge = await Assert.ThrowsAsync<DocumentTooLargeException>(() => store.PutAsync(ToStore("CH/2026/17", new byte[1025])));
        await Assert.ThrowsAsync<DocumentTooLargeException>(() => store.PutAsync(ToStore("CH/2026/18", [])));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(ToStore("CH/2026/19", atBound, mediaType: "xml")));
        var stored = await store.PutAsync(ToStore("CH/2026/20", atBound, mediaType: "application/octet-stream"));

        Assert.Contains("1025 bytes", tooLarge.Message);
        Assert.Contains("at most 1024", tooLarge.Message);
        Assert.Empty(await store.ListByPermitsAsync([Key("CH/2026/17"), Key("CH/2026/18"), Key("CH/2026/19")]));
        Assert.Equal(1024, stored.Metadata.SizeBytes);
    }

    [StoreFact]
    public async Task Retention_runs_the_configured_years_past_expiry_and_a_repeat_only_extends_it()
    {
        var validUntil = new DateTimeOffset(2026, 6, 30, 23, 59, 59, 999, TimeSpan.FromHours(2)).AddTicks(1);
        var sevenYears = OpenStore(options => options.RetentionYearsAfterExpiry = 7);
        var content = Document("CH/2026/21");

        var first = await sevenYears.PutAsync(ToStore("CH/2026/21", content, validUntil));
        var shorter = await sevenYears.PutAsync(ToStore("CH/2026/21", content, validUntil.AddMonths(-1)));
        var longer = await sevenYears.PutAsync(ToStore("CH/2026/21", content, validUntil.AddMonths(2)));

        // 2026-06-30T21:59:59.9990001Z + 7 years, rounded up to the millisecond (never down).
        Assert.Equal(new DateTimeOffset(2033, 6, 30, 22, 0, 0, 0, TimeSpan.Zero), first.Metadata.RetainUntil);
        Assert.Equal(first.Metadata.RetainUntil, shorter.Metadata.RetainUntil);
        Assert.Equal(new DateTimeOffset(2033, 8, 30, 22, 0, 0, 0, TimeSpan.Zero), longer.Metadata.RetainUntil);
        Assert.Equal(longer.Metadata.RetainUntil, (await OpenStore().GetAsync(Key("CH/2026/21")))!.Metadata.RetainUntil);
    }

    [StoreFact]
    public async Task The_database_refuses_to_delete_a_document_before_its_retention_ends()
    {
        var store = OpenStore();
        await store.PutAsync(ToStore("CH/2026/22", Document("CH/2026/22")));
        // Retained until 2005 by the database's own clock: an operator may purge it.
        await store.PutAsync(ToStore("CH/2000/1", Document("CH/2000/1"), new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        await using var database = await OpenDatabaseAsync();
        await using var delete = database.CreateCommand();
        delete.CommandText = "DELETE FROM ledger_documents WHERE permit_key = @key";
        AddParameter(delete, "@key", Key("CH/2026/22").Value.ToArray());
        var error = await Assert.ThrowsAnyAsync<DbException>(() => delete.ExecuteNonQueryAsync());
        delete.Parameters[0].Value = Key("CH/2000/1").Value.ToArray();
        var purged = await delete.ExecuteNonQueryAsync();

        Assert.Contains("retain_until_ms", error.Message);
        Assert.NotNull(await store.GetAsync(Key("CH/2026/22")));
        Assert.Equal(1, purged);
        Assert.Null(await store.GetAsync(Key("CH/2000/1")));
    }

    [StoreFact]
    public async Task Two_gateways_racing_to_store_one_permit_end_with_one_document()
    {
        const int Permits = 12;
        var results = await Task.WhenAll(Enumerable.Range(0, Permits).Select(async i =>
        {
            var permitId = $"CH/2026/RACE{i}";
            var first = OpenStore();
            var second = OpenStore();
            // Even permits race the same bytes (idempotent), odd ones different bytes (one refused).
            var mine = Document(permitId);
            var theirs = i % 2 == 0 ? mine : Document(permitId, padding: 3);
            var outcomes = await Task.WhenAll(Attempt(first, ToStore(permitId, mine)), Attempt(second, ToStore(permitId, theirs)));
            return (i, outcomes);
        }));

        foreach (var (i, outcomes) in results)
        {
            Assert.Single(outcomes, outcome => outcome == "created");
            Assert.Single(outcomes, outcome => outcome == (i % 2 == 0 ? "repeat" : "conflict"));
        }
        Assert.Equal(Permits, (await OpenStore().ListByPermitsAsync(
            Enumerable.Range(0, Permits).Select(i => Key($"CH/2026/RACE{i}")).ToArray())).Count);
    }

    private static async Task<string> Attempt(IDocumentStore store, DocumentToStore document)
    {
        await Task.Yield();
        try
        {
            return (await store.PutAsync(document)).Created ? "created" : "repeat";
        }
        catch (DocumentConflictException)
        {
            return "conflict";
        }
    }

    private async Task ChangeColumnAsync(PermitKey permitKey, string column, Func<byte[], byte[]> change)
    {
        await using var database = await OpenDatabaseAsync();
        byte[] value;
        await using (var read = database.CreateCommand())
        {
            read.CommandText = $"SELECT {column} FROM ledger_documents WHERE permit_key = @key";
            AddParameter(read, "@key", permitKey.Value.ToArray());
            value = (byte[])(await read.ExecuteScalarAsync() ?? throw new InvalidOperationException("no such row"));
        }
        await using var write = database.CreateCommand();
        write.CommandText = $"UPDATE ledger_documents SET {column} = @value WHERE permit_key = @key";
        AddParameter(write, "@value", change(value));
        AddParameter(write, "@key", permitKey.Value.ToArray());
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
