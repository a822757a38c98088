namespace Ledger.Gateway.Stores;

/// <summary>
/// Group commit: writes that each need a durable commit share one. A write arriving while no
/// batch is being committed starts one at once (an idle writer waits for nobody); writes arriving
/// meanwhile queue and go together in the next batch, so N concurrent writers pay for about two
/// commits (one fsync each) instead of N. Each write gets its own result or its own failure; a
/// failure of the batch as a whole (the database unreachable, the commit refused) fails every
/// write in it, since none of them is durable then.
/// </summary>
/// <typeparam name="TWrite">What one write stores.</typeparam>
/// <typeparam name="TResult">What one write returns.</typeparam>
internal sealed class GroupCommitQueue<TWrite, TResult>
{
    private readonly Func<IReadOnlyList<TWrite>, Task<IReadOnlyList<GroupCommitOutcome<TResult>>>> _commit;
    private readonly int _maxBatch;
    private readonly Lock _lock = new();
    private readonly Queue<Pending> _queue = new();
    private bool _committing;
    private long _batches;

    /// <summary>A queue committing with <paramref name="commit"/>, which gets the batch and returns one outcome per write, in order.</summary>
    /// <param name="commit">Commits a batch in one transaction; throws when the batch as a whole failed.</param>
    /// <param name="maxBatch">Most writes in one batch.</param>
    public GroupCommitQueue(Func<IReadOnlyList<TWrite>, Task<IReadOnlyList<GroupCommitOutcome<TResult>>>> commit, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _commit = commit;
        _maxBatch = maxBatch;
    }

    /// <summary>Batches committed so far (one transaction each), for tests and diagnostics.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Writes waiting for a batch, not yet in one.</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
                return _queue.Count;
        }
    }

    /// <summary>
    /// Commits <paramref name="write"/>, with whatever else arrives meanwhile. A cancellation ends
    /// the caller's wait at once; the write is left out if its batch has not started, and may
    /// still be committed if it has.
    /// </summary>
    public Task<TResult> CommitAsync(TWrite write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(write, cancellationToken);
        // A caller who gives up is let go at once; the drain loop skips its write if not yet in a batch.
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => pending.Completion.TrySetCanceled(cancellationToken));
            _ = pending.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        bool start;
        lock (_lock)
        {
            _queue.Enqueue(pending);
            start = !_committing;
            _committing = true;
        }
        // On the thread pool: a database driver that blocks (Microsoft.Data.Sqlite waits out a busy
        // file synchronously) must not hold up the caller that happened to start the batch.
        if (start)
            _ = Task.Run(DrainAsync, CancellationToken.None);
        return pending.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            lock (_lock)
            {
                while (batch.Count < _maxBatch && _queue.TryDequeue(out var next))
                    batch.Add(next);
                if (batch.Count == 0)
                {
                    _committing = false;
                    return;
                }
            }
            batch.RemoveAll(p => p.Completion.Task.IsCompleted
                || (p.Cancellation.IsCancellationRequested && p.Completion.TrySetCanceled(p.Cancellation)));
            if (batch.Count > 0)
                await CommitBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await _commit(batch.ConvertAll(p => p.Write)).ConfigureAwait(false);
            if (outcomes.Count != batch.Count)
                throw new InvalidOperationException($"A batch of {batch.Count} writes gave {outcomes.Count} outcomes.");
            Interlocked.Increment(ref _batches);
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Failure is { } failure)
                    batch[i].Completion.TrySetException(failure);
                else
                    batch[i].Completion.TrySetResult(outcomes[i].Result!);
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
                pending.Completion.TrySetException(e);
        }
    }

    private sealed class Pending(TWrite write, CancellationToken cancellation)
    {
        public TWrite Write { get; } = write;

        public CancellationToken Cancellation { get; } = cancellation;

        // Continuations run elsewhere: a caller's code must not run inside the commit loop.
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What became of one write in a committed batch: its result, or the failure of it alone (the others were committed).</summary>
/// <typeparam name="TResult">What one write returns.</typeparam>
/// <param name="Result">The result when the write was committed.</param>
/// <param name="Failure">Why this write alone was not.</param>
internal readonly record struct GroupCommitOutcome<TResult>(TResult? Result, Exception? Failure);
