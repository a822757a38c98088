using System.Diagnostics;
using HdrHistogram;

namespace Ledger.Benchmarks.Statistics;

/// <summary>
/// Latencies of one measurement, in microseconds, in an HdrHistogram (3 significant digits, up
/// to ten minutes). Not thread-safe: each load worker keeps its own and they are merged after.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 600_000_000;
    private readonly LongHistogram _histogram = new(HighestMicroseconds, 3);

    /// <summary>Number of latencies recorded.</summary>
    public long Count => _histogram.TotalCount;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    /// <summary>Records one latency (at least 1 µs, at most ten minutes).</summary>
    public void Record(TimeSpan latency)
    {
        var microseconds = (long)Math.Round(latency.TotalMicroseconds);
        _histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
    }

    /// <summary>Adds every latency of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _histogram.Add(other._histogram);
    }

    /// <summary>
    /// The latency at <paramref name="percentile"/> (0..100]: the value below or at which that share of
    /// the recorded latencies lie, to HdrHistogram's precision (3 significant digits). Zero when empty.
    /// </summary>
    public TimeSpan Percentile(double percentile)
    {
        if (percentile is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is in (0, 100].");
        return Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(_histogram.GetValueAtPercentile(percentile));
    }

    /// <summary>The median.</summary>
    public TimeSpan P50 => Percentile(50);

    /// <summary>The 99th percentile.</summary>
    public TimeSpan P99 => Percentile(99);

    /// <summary>The 99.9th percentile.</summary>
    public TimeSpan P999 => Percentile(99.9);

    /// <summary>The largest latency recorded.</summary>
    public TimeSpan Max => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(_histogram.GetMaxValue());
}
