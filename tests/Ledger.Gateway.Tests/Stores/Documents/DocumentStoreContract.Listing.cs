using System.Data.Common;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores.Documents;

/// <summary>The issuer's list of its permits (paged, newest first, by number prefix) and the migration of an older table.</summary>
public abstract partial class DocumentStoreContract
{
    /// <summary>The engine's names for a binary and a 64-bit integer column, to build the table an older gateway created.</summary>
    protected abstract (string Binary, string Integer) SqlTypes { get; }

    private async Task<List<DocumentMetadata>> AllPagesAsync(IDocumentStore store, DocumentListQuery query)
    {
        var all = new List<DocumentMetadata>();
        for (var token = ""; ;)
        {
            var page = await store.ListNewestAsync(query with { PageToken = token });
            Assert.InRange(page.Documents.Count, 0, query.PageSize);
            all.AddRange(page.Documents);
            if (page.NextPageToken.Length == 0)
                return all;
            Assert.Equal(query.PageSize, page.Documents.Count);
            token = page.NextPageToken;
        }
    }

    [StoreFact]
    public async Task The_issuers_permits_are_listed_newest_first_with_their_numbers_in_pages_without_gaps_or_repeats()
    {
        var store = OpenStore();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var id = $"CH/2026/L{i}";
            ids.Add(id);
            await store.PutAsync(ToStore(id, Document(id)) with { AsDraft = i == 3 });
            // Pairs share a millisecond: the permit key breaks the tie, and paging must not lose either.
            if (i % 2 == 1)
                Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await OpenStore().ListNewestAsync(new DocumentListQuery { PageSize = 3 });
        var all = await AllPagesAsync(OpenStore(), new DocumentListQuery { PageSize = 3 });
        var inOnePage = await OpenStore().ListNewestAsync(new DocumentListQuery());

        Assert.Equal(3, first.Documents.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(inOnePage.Documents, all);
        Assert.Empty(inOnePage.NextPageToken);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Select(d => d.PermitId!).Order(StringComparer.Ordinal));
        var expectedOrder = all.OrderByDescending(d => d.StoredAt).ThenByDescending(d => Convert.ToHexString(d.PermitKey.Value.ToArray())).ToList();
        Assert.Equal(expectedOrder, all);
        Assert.Equal(["CH/2026/L6"], all.Take(1).Select(d => d.PermitId));
        Assert.True(all.Single(d => d.PermitId == "CH/2026/L3").IsDraft);
        Assert.All(all, d => Assert.Equal(PermitId.Parse(d.PermitId!).Key, d.PermitKey));
    }

    [StoreFact]
    public async Task A_prefix_filters_by_number_as_typed_by_an_officer_and_is_never_a_wildcard()
    {
        var store = OpenStore();
        foreach (var id in new[] { "CH/2026/A1", "CH/2026/A2", "CH/2026/B1", "CH/2025/A1", "CH-2026-A1" })
            await store.PutAsync(ToStore(id, Document(id)));

        async Task<string[]> Listed(string prefix) =>
            [.. (await store.ListNewestAsync(new DocumentListQuery { PermitIdPrefix = prefix })).Documents.Select(d => d.PermitId!).Order(StringComparer.Ordinal)];

        Assert.Equal(["CH/2026/A1", "CH/2026/A2"], await Listed(" ch/2026/a"));
        Assert.Equal(["CH/2026/A1", "CH/2026/A2", "CH/2026/B1"], await Listed("CH/2026/"));
        Assert.Empty(await Listed("CH/2026/_"));
        Assert.Empty(await Listed("CH/2026/."));
        Assert.Equal(["CH-2026-A1"], await Listed("CH-"));
        Assert.Equal(5, (await Listed("")).Length);
    }

    [StoreFact]
    public async Task A_page_size_out_of_bounds_a_prefix_no_number_has_and_a_forged_token_are_refused()
    {
        var store = OpenStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PageSize = DocumentStoreLimits.MaxPageSize + 1 }));
        var wildcard = await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PermitIdPrefix = "CH/%" }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PermitIdPrefix = new string('A', 65) }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PageToken = "1' OR '1'='1" }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListNewestAsync(new DocumentListQuery { PageToken = "12." + new string('g', 64) }));
        Assert.Contains("'%'", wildcard.Message);
    }

    [StoreFact]
    public async Task A_table_created_before_drafts_and_numbers_opens_keeps_its_documents_and_learns_a_number_when_stored_again()
    {
        var keys = Keys.Ring("k1");
        var oldContent = Document("CH/2026/OLD1");
        var oldKey = Key("CH/2026/OLD1");
        await CreateFirstReleaseTableWithAsync(keys, oldKey, oldContent);

        var store = OpenStore(keys, new DocumentStoreOptions());
        var found = await store.FindByPermitAsync(oldKey);
        var read = await store.GetAsync(oldKey);
        await store.PutAsync(ToStore("CH/2026/NEW1", Document("CH/2026/NEW1")));
        var listed = (await OpenStore(keys, new DocumentStoreOptions()).ListNewestAsync(new DocumentListQuery())).Documents;
        var storedAgain = await store.PutAsync(ToStore("CH/2026/OLD1", oldContent));
        var afterwards = await OpenStore(keys, new DocumentStoreOptions()).FindByPermitAsync(oldKey);

        Assert.NotNull(found);
        Assert.False(found.IsDraft);
        Assert.Null(found.PermitId);
        Assert.Equal(oldContent, read!.Content.ToArray());
        Assert.Equal(new string?[] { null, "CH/2026/NEW1" }, listed.Select(d => d.PermitId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.False(storedAgain.Created);
        Assert.Equal("CH/2026/OLD1", storedAgain.Metadata.PermitId);
        Assert.Equal("CH/2026/OLD1", afterwards!.PermitId);
        Assert.Equal(found with { PermitId = "CH/2026/OLD1" }, afterwards);
    }

    /// <summary>The table and one row exactly as the first release of the store wrote them (no held_as_draft, no permit_id).</summary>
    private async Task CreateFirstReleaseTableWithAsync(DocumentKeyRing keys, PermitKey permitKey, byte[] content)
    {
        var (binary, integer) = SqlTypes;
        var hash = DocumentHash.Compute(content);
        var sealedDocument = new DocumentSealer(keys).Seal(permitKey, hash, content);
        await using var database = await OpenDatabaseAsync();
        foreach (var statement in new[]
        {
            $"""
            CREATE TABLE ledger_documents (
                permit_key {binary} NOT NULL PRIMARY KEY, document_hash {binary} NOT NULL, media_type TEXT NOT NULL,
                size_bytes {integer} NOT NULL, stored_at_ms {integer} NOT NULL, retain_until_ms {integer} NOT NULL, key_id TEXT NOT NULL,
                key_check {binary} NOT NULL, nonce {binary} NOT NULL, sealed {binary} NOT NULL)
            """,
            "CREATE INDEX ledger_documents_by_hash ON ledger_documents (document_hash, stored_at_ms)",
        })
        {
            await using var create = database.CreateCommand();
            create.CommandText = statement;
            await create.ExecuteNonQueryAsync();
        }
        await using var insert = database.CreateCommand();
        insert.CommandText = "INSERT INTO ledger_documents (permit_key, document_hash, media_type, size_bytes, stored_at_ms, retain_until_ms, key_id, key_check, nonce, sealed) "
            + "VALUES (@key, @hash, 'application/xml', @size, @stored, @retain, @keyId, @keyCheck, @nonce, @sealed)";
        AddParameter(insert, "@key", permitKey.Value.ToArray());
        AddParameter(insert, "@hash", hash.Value.ToArray());
        AddParameter(insert, "@size", (long)content.Length);
        AddParameter(insert, "@stored", Clock.GetUtcNow().AddDays(-30).ToUnixTimeMilliseconds());
        // Retained beyond what storing it again asks, so that storing again changes only the number.
        AddParameter(insert, "@retain", Clock.GetUtcNow().AddYears(20).ToUnixTimeMilliseconds());
        AddParameter(insert, "@keyId", sealedDocument.KeyId);
        AddParameter(insert, "@keyCheck", sealedDocument.KeyCheck);
        AddParameter(insert, "@nonce", sealedDocument.Nonce);
        AddParameter(insert, "@sealed", sealedDocument.Ciphertext);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }
}
