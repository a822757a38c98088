namespace Ledger.Benchmarks.Statistics;

/// <summary>
/// What one closed-loop measurement produced: operations completed inside the measured window,
/// failures, the window's length and the latencies of the completed operations.
/// </summary>
/// <param name="Name">What was measured, e.g. "gRPC verify, cached".</param>
/// <param name="Concurrency">Clients calling at once.</param>
/// <param name="Completed">Operations that succeeded inside the window.</param>
/// <param name="Failed">Operations that threw inside the window.</param>
/// <param name="Window">How long the measurement ran (shorter than asked when its inputs ran out).</param>
/// <param name="Latency">Latencies of the completed operations.</param>
/// <param name="FirstError">The first failure's message (type and text), or null.</param>
/// <param name="CutShort">Why the window ended early, or null when it ran its full length.</param>
internal sealed record LoadResult(
    string Name, int Concurrency, long Completed, long Failed, TimeSpan Window, LatencyHistogram Latency, string? FirstError, string? CutShort)
{
    /// <summary>Completed operations per second of the window.</summary>
    public double PerSecond => Window > TimeSpan.Zero ? Completed / Window.TotalSeconds : 0;
}
