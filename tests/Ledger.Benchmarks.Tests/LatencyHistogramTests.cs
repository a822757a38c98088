using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Tests;

public class LatencyHistogramTests
{
    // n = 100,000 makes p·n/100 whole for these percentiles, so the nearest rank is one number
    // under any rank convention, and only HdrHistogram's bucket precision remains.
    private const int Count = 100_000;

    [Theory]
    [InlineData(50)]
    [InlineData(99)]
    [InlineData(99.9)]
    public void Percentiles_match_a_sorted_array_within_three_significant_digits(double percentile)
    {
        var random = new Random(13);
        // Log-normal-ish microseconds from 1 µs to about 10 s: the spread of real latencies.
        var values = Enumerable.Range(0, Count).Select(_ => (long)Math.Clamp(Math.Exp(random.NextDouble() * 16), 1, 600_000_000)).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
            histogram.Record(TimeSpan.FromMicroseconds(value));

        var sorted = values.Order().ToArray();
        var oracle = sorted[(int)Math.Ceiling(percentile / 100 * Count) - 1];
        var measured = (long)histogram.Percentile(percentile).TotalMicroseconds;

        // HdrHistogram reports a value of the oracle's bucket: equal to 3 significant digits.
        Assert.InRange(measured, oracle - oracle / 1000 - 1, oracle + oracle / 1000 + 1);
    }

    [Fact]
    public void Merging_two_halves_gives_the_whole()
    {
        var random = new Random(5);
        var whole = new LatencyHistogram();
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        for (var i = 0; i < 10_000; i++)
        {
            var latency = TimeSpan.FromMicroseconds(random.Next(1, 5_000_000));
            whole.Record(latency);
            (i % 2 == 0 ? first : second).Record(latency);
        }
        first.Add(second);

        Assert.Equal(whole.Count, first.Count);
        Assert.Equal(whole.P50, first.P50);
        Assert.Equal(whole.P999, first.P999);
        Assert.Equal(whole.Max, first.Max);
    }

    [Fact]
    public void Small_sets_give_their_exact_ranks()
    {
        var histogram = new LatencyHistogram();
        foreach (var ms in new[] { 4, 1, 3, 2, 100 })
            histogram.Record(TimeSpan.FromMilliseconds(ms));

        Assert.Equal(3, histogram.P50.TotalMilliseconds, 0.003);
        Assert.Equal(100, histogram.P99.TotalMilliseconds, 0.1);
        Assert.Equal(5, histogram.Count);
    }

    [Fact]
    public void An_empty_histogram_reads_zero_and_a_percentile_outside_0_to_100_is_refused()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(TimeSpan.Zero, histogram.P99);
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Percentile(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Percentile(100.1));
    }
}
