using System.Data.Common;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores.Documents;

/// <summary>Group commit: puts arriving while one commits share the next transaction, and each keeps its own outcome.</summary>
public abstract partial class DocumentStoreContract
{
    /// <summary>
    /// SQL that takes the documents table's write lock in a transaction left open, as a busy
    /// second gateway would, so that the store's next commit has to wait for it.
    /// </summary>
    protected abstract string TakeWriteLockStatement { get; }

    [StoreFact]
    public async Task Concurrent_puts_share_one_commit_and_each_gets_its_own_result()
    {
        const int Queued = 20;
        var store = (SqlDocumentStore)OpenStore();
        await store.PutAsync(ToStore("CH/2026/G0", Document("CH/2026/G0")));
        Assert.Equal(1, store.PutCommits);

        var ids = Enumerable.Range(1, Queued).Select(i => $"CH/2026/G{i}").ToArray();
        var (first, rest) = await WhileWriteLockedAsync(store, "CH/2026/G1000",
            ids.Select(id => (Func<Task<DocumentPutResult>>)(() => store.PutAsync(ToStore(id, Document(id))))).ToArray());

        // G1000 went alone (the store was idle when it came), the 20 that came while it waited together.
        Assert.Equal(3, store.PutCommits);
        Assert.True(first.Created);
        for (var i = 0; i < Queued; i++)
        {
            Assert.True(rest[i].IsCompletedSuccessfully, $"{ids[i]}: {rest[i].Exception?.InnerException?.Message}");
            Assert.True(rest[i].Result.Created);
            Assert.Equal(Key(ids[i]), rest[i].Result.Metadata.PermitKey);
            Assert.Equal(rest[i].Result.Metadata, await OpenStore().FindByPermitAsync(Key(ids[i])));
            Assert.Equal(Document(ids[i]), (await OpenStore().GetAsync(Key(ids[i])))!.Content.ToArray());
        }
    }

    [StoreFact]
    public async Task A_put_refused_in_a_shared_commit_fails_alone_and_the_others_are_stored()
    {
        var store = (SqlDocumentStore)OpenStore();
        var original = Document("CH/2026/H0");
        await store.PutAsync(ToStore("CH/2026/H0", original));
        var puts = new Func<Task<DocumentPutResult>>[]
        {
            () => store.PutAsync(ToStore("CH/2026/H1", Document("CH/2026/H1"))),
            () => store.PutAsync(ToStore("CH/2026/H0", Document("CH/2026/H0", padding: 5))),
            () => store.PutAsync(ToStore("CH/2026/H2", Document("CH/2026/H2"))),
            () => store.PutAsync(ToStore("CH/2026/H0", original)),
        };

        var (_, outcomes) = await WhileWriteLockedAsync(store, "CH/2026/H1000", puts);

        Assert.Equal(3, store.PutCommits);
        Assert.True(outcomes[0].Result.Created);
        Assert.IsType<DocumentConflictException>(outcomes[1].Exception?.InnerException);
        Assert.True(outcomes[2].Result.Created);
        Assert.False(outcomes[3].Result.Created);
        Assert.Equal(original, (await OpenStore().GetAsync(Key("CH/2026/H0")))!.Content.ToArray());
        Assert.Equal(3, (await OpenStore().ListByPermitsAsync([Key("CH/2026/H0"), Key("CH/2026/H1"), Key("CH/2026/H2")])).Count);
    }

    [StoreFact]
    public async Task A_put_cancelled_while_it_waits_for_its_batch_is_not_stored_and_the_others_are()
    {
        var store = (SqlDocumentStore)OpenStore();
        await store.PutAsync(ToStore("CH/2026/C0", Document("CH/2026/C0")));
        using var cancel = new CancellationTokenSource();
        var puts = new Func<Task<DocumentPutResult>>[]
        {
            () => store.PutAsync(ToStore("CH/2026/C1", Document("CH/2026/C1")), cancel.Token),
            () => store.PutAsync(ToStore("CH/2026/C2", Document("CH/2026/C2"))),
        };

        var (_, outcomes) = await WhileWriteLockedAsync(store, "CH/2026/C1000", puts, beforeRelease: cancel.Cancel);

        Assert.True(outcomes[0].IsCanceled);
        Assert.True(outcomes[1].Result.Created);
        Assert.Null(await OpenStore().FindByPermitAsync(Key("CH/2026/C1")));
    }

    /// <summary>
    /// Holds the table's write lock while one put (<paramref name="blockedId"/>) commits and then
    /// <paramref name="queued"/> arrive, so these wait together for the next commit; then lets go.
    /// </summary>
    private async Task<(DocumentPutResult Blocked, Task<DocumentPutResult>[] Queued)> WhileWriteLockedAsync(
        SqlDocumentStore store, string blockedId, IReadOnlyList<Func<Task<DocumentPutResult>>> queued, Action? beforeRelease = null)
    {
        var commitsBefore = store.PutCommits;
        Task<DocumentPutResult> blocked;
        Task<DocumentPutResult>[] rest;
        await using (var holder = await OpenDatabaseAsync())
        {
            await ExecuteAsync(holder, TakeWriteLockStatement);
            blocked = store.PutAsync(ToStore(blockedId, Document(blockedId)));
            // Its batch takes it at once (nothing was committing) and waits for the lock.
            await Until(() => store.QueuedPuts == 0);
            rest = queued.Select(put => put()).ToArray();
            Assert.Equal(queued.Count, store.QueuedPuts);
            Assert.False(blocked.IsCompleted);
            Assert.Equal(commitsBefore, store.PutCommits);
            beforeRelease?.Invoke();
            await ExecuteAsync(holder, "ROLLBACK");
        }
        var first = await blocked;
        await Task.WhenAll(rest.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return (first, rest);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 10 s");
            await Task.Delay(1);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
