using System.Security.Cryptography;
using System.Text;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>What every <see cref="IIdempotencyStore"/> must do; run against each implementation.</summary>
public abstract class IdempotencyStoreContract
{
    /// <summary>An authority address used by the tests.</summary>
    protected const string Authority = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    /// <summary>A store whose in-progress lease and retention are as given.</summary>
    protected abstract IIdempotencyStore CreateStore(TimeSpan inProgressLease, TimeSpan retention);

    /// <summary>Lets <paramref name="timeToLive"/> pass for the store, then returns once <paramref name="expired"/> holds.</summary>
    protected abstract Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired);

    private IIdempotencyStore CreateStore() => CreateStore(TimeSpan.FromMinutes(2), TimeSpan.FromHours(24));

    private static IdempotencyKey NewKey(string authority = Authority) => IdempotencyKey.Create(authority, "req-" + Guid.NewGuid().ToString("N"));

    private static byte[] Fingerprint(string request) => SHA256.HashData(Encoding.UTF8.GetBytes(request));

    [StoreFact]
    public async Task First_begin_is_new_and_a_retry_while_it_runs_is_in_progress()
    {
        var store = CreateStore();
        var key = NewKey();

        var first = await store.TryBeginAsync(key, Fingerprint("register A"));
        var retry = await store.TryBeginAsync(key, Fingerprint("register A"));

        Assert.Equal(IdempotencyState.New, first.State);
        Assert.NotNull(first.Lease);
        Assert.Equal(IdempotencyState.InProgress, retry.State);
        Assert.Null(retry.Lease);
    }

    [StoreFact]
    public async Task Twenty_concurrent_begins_with_the_same_id_let_exactly_one_proceed()
    {
        var store = CreateStore();
        var key = NewKey();
        var fingerprint = Fingerprint("ship 5");
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryBeginAsync(key, fingerprint);
        })).ToArray();
        start.Set();
        var answers = await Task.WhenAll(attempts);

        Assert.Single(answers, answer => answer.State == IdempotencyState.New);
        Assert.Equal(19, answers.Count(answer => answer.State == IdempotencyState.InProgress));
    }

    [StoreFact]
    public async Task The_same_id_with_a_different_request_is_a_mismatch_before_and_after_completion()
    {
        var store = CreateStore();
        var key = NewKey();
        var begun = await store.TryBeginAsync(key, Fingerprint("cancel CH/2026/1"));

        var whileRunning = await store.TryBeginAsync(key, Fingerprint("cancel CH/2026/2"));
        Assert.True(await store.CompleteAsync(begun.Lease!, new byte[] { 1 }));
        var afterCompletion = await store.TryBeginAsync(key, Fingerprint("cancel CH/2026/2"));

        Assert.Equal(IdempotencyState.Mismatch, whileRunning.State);
        Assert.Equal(IdempotencyState.Mismatch, afterCompletion.State);
    }

    [StoreFact]
    public async Task A_completed_request_replays_its_exact_result()
    {
        var store = CreateStore();
        var key = NewKey();
        var result = new byte[] { 0x00, 0xff, 0x0a, 0x80, 0x00 };
        var fingerprint = new byte[] { 0x00, 0x01, 0xfe, 0xff };
        var begun = await store.TryBeginAsync(key, fingerprint);

        Assert.True(await store.CompleteAsync(begun.Lease!, result));
        var replay = await store.TryBeginAsync(key, fingerprint);

        Assert.Equal(IdempotencyState.Completed, replay.State);
        Assert.Equal(result, replay.StoredResult.ToArray());
    }

    [StoreFact]
    public async Task Abandoning_lets_a_retry_proceed_and_the_old_lease_can_no_longer_complete()
    {
        var store = CreateStore();
        var key = NewKey();
        var fingerprint = Fingerprint("register B");
        var failed = await store.TryBeginAsync(key, fingerprint);

        await store.AbandonAsync(failed.Lease!);
        var retry = await store.TryBeginAsync(key, fingerprint);

        Assert.Equal(IdempotencyState.New, retry.State);
        Assert.False(await store.CompleteAsync(failed.Lease!, new byte[] { 9 }));
        Assert.True(await store.CompleteAsync(retry.Lease!, new byte[] { 7 }));
        Assert.Equal(new byte[] { 7 }, (await store.TryBeginAsync(key, fingerprint)).StoredResult.ToArray());
    }

    [StoreFact]
    public async Task Abandon_with_a_lost_lease_does_not_remove_the_new_owner()
    {
        var store = CreateStore();
        var key = NewKey();
        var fingerprint = Fingerprint("register C");
        var first = await store.TryBeginAsync(key, fingerprint);
        await store.AbandonAsync(first.Lease!);
        var second = await store.TryBeginAsync(key, fingerprint);

        await store.AbandonAsync(first.Lease!);

        Assert.Equal(IdempotencyState.InProgress, (await store.TryBeginAsync(key, fingerprint)).State);
        Assert.True(await store.CompleteAsync(second.Lease!, new byte[] { 1 }));
    }

    [StoreFact]
    public async Task Request_ids_are_scoped_per_authority()
    {
        var store = CreateStore();
        var requestId = "shared-" + Guid.NewGuid().ToString("N");
        var fingerprint = Fingerprint("same");

        var a = await store.TryBeginAsync(IdempotencyKey.Create(Authority, requestId), fingerprint);
        var b = await store.TryBeginAsync(IdempotencyKey.Create("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", requestId), fingerprint);

        Assert.Equal(IdempotencyState.New, a.State);
        Assert.Equal(IdempotencyState.New, b.State);
    }

    [StoreFact]
    public async Task A_completed_record_expires_after_the_retention()
    {
        var retention = TimeSpan.FromMilliseconds(400);
        var store = CreateStore(TimeSpan.FromMinutes(2), retention);
        var key = NewKey();
        var fingerprint = Fingerprint("ship 1");
        var begun = await store.TryBeginAsync(key, fingerprint);
        Assert.True(await store.CompleteAsync(begun.Lease!, new byte[] { 1 }));
        Assert.Equal(IdempotencyState.Completed, (await store.TryBeginAsync(key, fingerprint)).State);

        await AwaitExpiryAsync(retention, async () => (await store.TryBeginAsync(key, Fingerprint("probe"))).State != IdempotencyState.Mismatch);

        // Once forgotten, the ID is free again (the probe above claimed it).
        Assert.Equal(IdempotencyState.InProgress, (await store.TryBeginAsync(key, Fingerprint("probe"))).State);
    }

    [StoreFact]
    public async Task An_in_progress_record_expires_after_its_lease_and_the_stale_lease_cannot_complete()
    {
        // Long enough that the retry's own lease, as short, cannot lapse between its begin and its
        // complete on a loaded machine (400 ms once did under a parallel test run).
        var lease = TimeSpan.FromSeconds(2);
        var store = CreateStore(lease, TimeSpan.FromHours(24));
        var key = NewKey();
        var fingerprint = Fingerprint("register D");
        var crashed = await store.TryBeginAsync(key, fingerprint);

        IdempotencyBegin? retry = null;
        await AwaitExpiryAsync(lease, async () => (retry = await store.TryBeginAsync(key, fingerprint)).State == IdempotencyState.New);

        Assert.False(await store.CompleteAsync(crashed.Lease!, new byte[] { 1 }));
        Assert.True(await store.CompleteAsync(retry!.Lease!, new byte[] { 2 }));
    }

    private const string SentHash = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

    [StoreFact]
    public async Task A_released_write_hands_its_sent_transaction_to_the_next_attempt_and_only_to_one()
    {
        var store = CreateStore();
        var key = NewKey();
        var fingerprint = Fingerprint("cancel E");
        var first = await store.TryBeginAsync(key, fingerprint);
        Assert.True(await store.RecordSentAsync(first.Lease!, SentHash));
        Assert.Equal(IdempotencyState.InProgress, (await store.TryBeginAsync(key, fingerprint)).State);

        await store.ReleaseAsync(first.Lease!);
        var retry = await store.TryBeginAsync(key, fingerprint);
        var concurrent = await store.TryBeginAsync(key, fingerprint);

        Assert.Equal(IdempotencyState.Sent, retry.State);
        Assert.Equal(SentHash, retry.SentTransaction);
        Assert.NotNull(retry.Lease);
        Assert.Equal(IdempotencyState.InProgress, concurrent.State);
        Assert.Equal(IdempotencyState.Mismatch, (await store.TryBeginAsync(key, Fingerprint("cancel F"))).State);
        Assert.False(await store.CompleteAsync(first.Lease!, new byte[] { 1 }));
        Assert.True(await store.CompleteAsync(retry.Lease!, new byte[] { 2 }));
        Assert.Equal(new byte[] { 2 }, (await store.TryBeginAsync(key, fingerprint)).StoredResult.ToArray());
    }

    [StoreFact]
    public async Task Releasing_a_write_that_sent_nothing_forgets_it_and_abandoning_forgets_the_sent_transaction()
    {
        var store = CreateStore();
        var fingerprint = Fingerprint("vote 3");
        var unsent = NewKey();
        await store.ReleaseAsync((await store.TryBeginAsync(unsent, fingerprint)).Lease!);
        Assert.Equal(IdempotencyState.New, (await store.TryBeginAsync(unsent, fingerprint)).State);

        var reverted = NewKey();
        var begun = await store.TryBeginAsync(reverted, fingerprint);
        Assert.True(await store.RecordSentAsync(begun.Lease!, SentHash));
        await store.AbandonAsync(begun.Lease!);
        Assert.Equal(IdempotencyState.New, (await store.TryBeginAsync(reverted, fingerprint)).State);
    }

    [StoreFact]
    public async Task A_crashed_write_that_sent_a_transaction_keeps_it_past_its_lease()
    {
        // Long enough that the retry's own lease, as short, cannot lapse between its begin and its
        // complete on a loaded machine (400 ms once did under a parallel test run).
        var lease = TimeSpan.FromSeconds(2);
        var store = CreateStore(lease, TimeSpan.FromHours(24));
        var key = NewKey();
        var fingerprint = Fingerprint("propose G");
        var crashed = await store.TryBeginAsync(key, fingerprint);
        Assert.True(await store.RecordSentAsync(crashed.Lease!, SentHash));

        IdempotencyBegin? retry = null;
        await AwaitExpiryAsync(lease, async () => (retry = await store.TryBeginAsync(key, fingerprint)).State != IdempotencyState.InProgress);

        Assert.Equal(IdempotencyState.Sent, retry!.State);
        Assert.Equal(SentHash, retry.SentTransaction);
        Assert.False(await store.RecordSentAsync(crashed.Lease!, SentHash));
        Assert.True(await store.CompleteAsync(retry.Lease!, new byte[] { 3 }));
    }

    [StoreFact]
    public async Task A_sent_transaction_must_be_a_transaction_hash()
    {
        var store = CreateStore();
        var begun = await store.TryBeginAsync(NewKey(), Fingerprint("x"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordSentAsync(begun.Lease!, "0x1234"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordSentAsync(begun.Lease!, "0x" + new string('g', 64)));
    }

    [StoreFact]
    public async Task Fingerprints_and_results_outside_the_bounds_are_rejected()
    {
        var store = CreateStore();
        var key = NewKey();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryBeginAsync(key, Array.Empty<byte>()));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryBeginAsync(key, new byte[65]));
        var begun = await store.TryBeginAsync(key, new byte[32]);
        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(begun.Lease!, new byte[IIdempotencyStore.MaxResultBytes + 1]));
    }
}
