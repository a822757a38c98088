using Ledger.Core.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Reads single permits at the newest block for many concurrent callers with few node calls,
/// as group commit does for writes ("natural batching"): while fewer than
/// <see cref="MaxReadsInFlight"/> reads are in flight a read goes at once, alone, so a lone
/// caller waits no longer than for its own call; reads asked for while the limit is reached
/// wait and go together, up to <see cref="MaxKeysPerRead"/> keys, in the next call that a
/// finished one frees. No timer: a batch is whatever queued during the calls before it.
/// </summary>
/// <remarks>
/// Every answer is what one <c>verifyAtHead</c> would have said: one call reads all its keys in
/// one block, and each snapshot names that block and the issuer's status in it. A failed call
/// fails each of its callers with that call's exception (the error a single read would have
/// raised). A caller's cancellation ends only its own wait; the call it is part of goes on for
/// the others, since the node call runs under no caller's token.
/// </remarks>
internal sealed class PermitReadCoalescer
{
    /// <summary>
    /// Default limit of node calls in flight, measured (2026-12-02, this 2-core machine under other
    /// load, anvil with 3,000 permits, the lean eth_call path, 16 and 64 clients each reading
    /// distinct permits in a closed loop, limits interleaved in one process; each figure the median
    /// of one run's rounds, req/s):
    /// 16 clients: limit 1: 21,831 / 12,839; 2: 20,286 / 21,430 / 10,856; 4: 14,361 / 18,510 / 13,600; 8: 16,626 / 15,957; 16: 10,622 / 13,493.
    /// 64 clients: limit 1: 21,892 / 33,628; 2: 36,870 / 31,515 / 29,668; 4: 30,380 / 28,744 / 27,503; 8: 28,569 / 24,781; 16: 22,462 / 19,601.
    /// Two beat four in 5 of 6 runs (the sixth, at 16 clients, went to four by 25%: this machine's
    /// noise is that large); 8 and 16 were always behind: more calls in flight split the waiting
    /// callers into smaller batches, each paying a call's fixed cost, and the node does not answer
    /// them faster. One and two were not told apart (each won 2 of 4 runs); two was kept so that
    /// one slow answer does not hold every waiting caller. Not measured: a node that stalls reads
    /// once per block (anvil at 100k permits), where every call in flight waits out the stall.
    /// </summary>
    public const int DefaultMaxReadsInFlight = 2;

    private readonly Func<IReadOnlyList<PermitKey>, CancellationToken, Task<IReadOnlyList<PermitSnapshot>>> _readMany;
    private readonly Lock _gate = new();
    private readonly Queue<Waiter> _queued = new();
    private int _inFlight;

    /// <summary>Coalesces reads into calls of <paramref name="readMany"/>.</summary>
    /// <param name="readMany">Reads the permits of the keys at the newest block, one snapshot per key in key order (e.g. <see cref="LedgerReader.ReadPermitsAsync"/>).</param>
    /// <param name="maxKeysPerRead">Most keys one call carries (at most the contract's bound).</param>
    /// <param name="maxReadsInFlight">Most calls in flight at once.</param>
    public PermitReadCoalescer(
        Func<IReadOnlyList<PermitKey>, CancellationToken, Task<IReadOnlyList<PermitSnapshot>>> readMany,
        int maxKeysPerRead = LedgerReader.MaxPermitsPerCall,
        int maxReadsInFlight = DefaultMaxReadsInFlight)
    {
        ArgumentNullException.ThrowIfNull(readMany);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeysPerRead, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReadsInFlight, 1);
        _readMany = readMany;
        MaxKeysPerRead = maxKeysPerRead;
        MaxReadsInFlight = maxReadsInFlight;
    }

    /// <summary>Coalesces the gateway's reads into <see cref="LedgerReader.ReadPermitsAsync"/> calls.</summary>
    public PermitReadCoalescer(LedgerReader reader)
        : this((keys, ct) => reader.ReadPermitsAsync(keys, ct))
    {
    }

    /// <summary>Most keys one node call carries.</summary>
    public int MaxKeysPerRead { get; }

    /// <summary>Most node calls in flight at once.</summary>
    public int MaxReadsInFlight { get; }

    /// <summary>The permit and its issuer's status at the newest block, as <see cref="LedgerReader.ReadPermitAsync"/> answers it.</summary>
    /// <param name="key">The permit key.</param>
    /// <param name="ct">Ends this caller's wait (only its own).</param>
    public Task<PermitSnapshot> ReadAsync(PermitKey key, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
            return Task.FromCanceled<PermitSnapshot>(ct);
        var waiter = new Waiter(key);
        List<Waiter>? batch;
        lock (_gate)
        {
            _queued.Enqueue(waiter);
            batch = TakeBatchIfAllowed();
        }
        if (batch is not null)
            _ = RunAsync(batch);
        if (!ct.CanBeCanceled)
            return waiter.Answer.Task;
        var registration = ct.Register(() => waiter.Answer.TrySetCanceled(ct));
        _ = waiter.Answer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return waiter.Answer.Task;
    }

    // Under _gate: the next batch of waiters still waiting, if a call may start now.
    private List<Waiter>? TakeBatchIfAllowed()
    {
        if (_inFlight >= MaxReadsInFlight)
            return null;
        var batch = new List<Waiter>();
        var keys = new HashSet<PermitKey>();
        while (_queued.TryPeek(out var next))
        {
            if (next.Answer.Task.IsCompleted) // cancelled while queued: nothing to read for it
            {
                _queued.Dequeue();
                continue;
            }
            if (!keys.Contains(next.Key) && keys.Count == MaxKeysPerRead)
                break;
            keys.Add(next.Key);
            batch.Add(_queued.Dequeue());
        }
        if (batch.Count == 0)
            return null;
        _inFlight++;
        return batch;
    }

    // One slot of MaxReadsInFlight: reads its batch, then whatever queued meanwhile, until nothing waits.
    // The first call is sent on the thread of the caller that started it, each later one on the thread
    // the previous answer came on, before that answer's readers are released: the node gets the next
    // call as early as possible, and no thread-pool hop is spent on sending (on a node's host with two
    // cores, such hops and the spinning of idle pool threads cost the node CPU it needs).
    private async Task RunAsync(List<Waiter> first)
    {
        var batch = first;
        var answer = ReadBatchAsync(batch);
        // A read that completed at once (a fake, or a client that fails before sending) would keep
        // the caller that started it serving every later batch: only its first send is its to make.
        if (answer.IsCompleted)
            await Task.Yield();
        while (true)
        {
            var outcome = await answer.ConfigureAwait(false);
            List<Waiter>? next;
            lock (_gate)
            {
                _inFlight--;
                next = TakeBatchIfAllowed();
            }
            var nextAnswer = next is null ? null : ReadBatchAsync(next);
            outcome.Release(batch);
            if (next is null)
                return;
            (batch, answer) = (next, nextAnswer!);
        }
    }

    // Never throws: a failed call is an outcome that fails its readers.
    private async Task<BatchOutcome> ReadBatchAsync(List<Waiter> batch)
    {
        try
        {
            var keys = batch.Select(w => w.Key).Distinct().ToArray();
            var snapshots = await _readMany(keys, CancellationToken.None).ConfigureAwait(false);
            if (snapshots.Count != keys.Length)
                throw new InvalidOperationException($"A read of {keys.Length} permits answered {snapshots.Count} snapshots.");
            var byKey = new Dictionary<PermitKey, PermitSnapshot>(keys.Length);
            for (var i = 0; i < keys.Length; i++)
                byKey[keys[i]] = snapshots[i];
            return new BatchOutcome(byKey, null);
        }
        catch (Exception e)
        {
            return new BatchOutcome(null, e);
        }
    }

    /// <summary>What one node call answered for its batch: a snapshot per key, or the call's error.</summary>
    private sealed record BatchOutcome(Dictionary<PermitKey, PermitSnapshot>? ByKey, Exception? Error)
    {
        public void Release(List<Waiter> batch)
        {
            foreach (var waiter in batch)
            {
                if (ByKey is not null)
                    waiter.Answer.TrySetResult(ByKey[waiter.Key]);
                else
                    waiter.Answer.TrySetException(Error!);
            }
        }
    }

    private sealed class Waiter(PermitKey key)
    {
        public PermitKey Key { get; } = key;

        // Continuations run elsewhere, never inline on the thread completing a whole batch.
        public TaskCompletionSource<PermitSnapshot> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
