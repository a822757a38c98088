using System.Diagnostics;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Load;

/// <summary>
/// A closed-loop load: N clients, each calling again as soon as its previous call returns, first
/// for a warm-up (not recorded), then for the measured window. Only calls that start and end inside
/// the window count. An operation that throws <see cref="InputsExhaustedException"/> ends the window
/// early for everyone (the report says so): e.g. the uncached verify has run out of never-asked permits.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Runs the load and returns what the window measured.</summary>
    /// <param name="name">What is measured.</param>
    /// <param name="concurrency">Clients calling at once.</param>
    /// <param name="warmUp">Unrecorded time first.</param>
    /// <param name="window">The measured time.</param>
    /// <param name="operation">One call; its argument is the client's index.</param>
    /// <param name="ct">Stops everything.</param>
    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan warmUp, TimeSpan window, Func<int, CancellationToken, Task> operation, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ct.ThrowIfCancellationRequested();
        // The clock starts once every client runs: on a loaded machine the thread pool may take
        // longer to start them than a short window lasts.
        var go = new TaskCompletionSource<Run>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var started = new CountdownEvent(concurrency);
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            started.Signal();
            var run = await go.Task.ConfigureAwait(false);
            return await run.WorkAsync(i, operation, ct).ConfigureAwait(false);
        }, ct)).ToArray();
        await Task.Run(() => started.Wait(ct), ct);
        var run = new Run(Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency), window);
        go.SetResult(run);
        var results = await Task.WhenAll(workers);
        var latency = new LatencyHistogram();
        foreach (var worker in results)
            latency.Add(worker.Latency);
        var measuredEnd = run.ExhaustedAt ?? run.WindowEnd;
        var measured = TimeSpan.FromSeconds(Math.Max(0, measuredEnd - run.WindowStart) / (double)Stopwatch.Frequency);
        return new LoadResult(name, concurrency, results.Sum(r => r.Completed), results.Sum(r => r.Failed), measured, latency,
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            run.ExhaustedAt is null ? null : $"inputs ran out after {measured.TotalSeconds:0.0} s of the {window.TotalSeconds:0.0} s window");
    }

    private sealed class Run(long windowStart, TimeSpan window)
    {
        private long _exhaustedAt;

        public long WindowStart { get; } = windowStart;

        public long WindowEnd { get; } = windowStart + (long)(window.TotalSeconds * Stopwatch.Frequency);

        public long? ExhaustedAt => Volatile.Read(ref _exhaustedAt) is var at and > 0 ? at : null;

        private long End => ExhaustedAt ?? WindowEnd;

        public async Task<WorkerResult> WorkAsync(int worker, Func<int, CancellationToken, Task> operation, CancellationToken ct)
        {
            var result = new WorkerResult();
            while (!ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= End)
                    break;
                try
                {
                    await operation(worker, ct).ConfigureAwait(false);
                    var end = Stopwatch.GetTimestamp();
                    if (start >= WindowStart && end <= End)
                    {
                        result.Completed++;
                        result.Latency.Record(Stopwatch.GetElapsedTime(start, end));
                    }
                }
                catch (InputsExhaustedException)
                {
                    Interlocked.CompareExchange(ref _exhaustedAt, Math.Max(start, WindowStart + 1), 0);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    if (start >= WindowStart && Stopwatch.GetTimestamp() <= End)
                        result.Failed++;
                    result.FirstError ??= $"{e.GetType().Name}: {e.Message}";
                }
            }
            return result;
        }
    }

    private sealed class WorkerResult
    {
        public LatencyHistogram Latency { get; } = new();

        public long Completed { get; set; }

        public long Failed { get; set; }

        public string? FirstError { get; set; }
    }
}

/// <summary>Thrown by a load operation that has no fresh input left (e.g. no permit not yet asked about).</summary>
internal sealed class InputsExhaustedException(string message) : Exception(message);
