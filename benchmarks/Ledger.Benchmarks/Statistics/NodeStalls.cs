using System.Globalization;

namespace Ledger.Benchmarks.Statistics;

/// <summary>
/// What a steady stream of small eth_calls saw of the node: how often a new block came, and how long
/// the slowest call of each block waited. anvil holds its state while it mines, and it rebuilds its
/// whole state trie for every block, so that wait grows with the state (permits on chain).
/// </summary>
/// <param name="Calls">Calls answered.</param>
/// <param name="Window">From the first call's start to the last call's answer.</param>
/// <param name="Blocks">New heads seen after the first call's.</param>
/// <param name="BlockInterval">Mean time between the new heads seen (the first head is the probe's start, not a block's), or null with fewer than two new heads.</param>
/// <param name="StallPerBlock">
/// Median over the blocks seen whole (not the first head nor the last) of the slowest call that
/// answered that head: the time mining it held readers up; null when no block was seen whole.
/// </param>
/// <param name="LongestCall">The slowest call.</param>
/// <param name="MedianCall">The median call.</param>
internal sealed record NodeStalls(int Calls, TimeSpan Window, int Blocks, TimeSpan? BlockInterval, TimeSpan? StallPerBlock, TimeSpan LongestCall, TimeSpan MedianCall)
{
    /// <summary>One call: when it started (from the probe's start), how long it took, the head just before it.</summary>
    internal readonly record struct Sample(TimeSpan Start, TimeSpan Latency, ulong Head)
    {
        /// <summary>When the answer came.</summary>
        public TimeSpan Answered => Start + Latency;
    }

    /// <summary>The figures of <paramref name="samples"/>, in the order they were taken.</summary>
    public static NodeStalls From(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            return new NodeStalls(0, TimeSpan.Zero, 0, null, null, TimeSpan.Zero, TimeSpan.Zero);
        // Consecutive calls answering the same head; a head seen again after a later one stays in its first group.
        var groups = new List<(ulong Head, TimeSpan FirstAnswer, TimeSpan Slowest)>();
        foreach (var sample in samples)
        {
            if (groups.Count > 0 && sample.Head <= groups[^1].Head)
                groups[^1] = groups[^1] with { Slowest = Max(groups[^1].Slowest, sample.Latency) };
            else
                groups.Add((sample.Head, sample.Answered, sample.Latency));
        }
        var whole = groups.Skip(1).SkipLast(1).Select(g => g.Slowest).Order().ToList();
        var latencies = samples.Select(s => s.Latency).Order().ToList();
        return new NodeStalls(
            samples.Count,
            samples[^1].Answered - samples[0].Start,
            groups.Count - 1,
            groups.Count < 3 ? null : (groups[^1].FirstAnswer - groups[1].FirstAnswer) / (groups.Count - 2),
            whole.Count == 0 ? null : whole[whole.Count / 2],
            latencies[^1],
            latencies[latencies.Count / 2]);
    }

    /// <summary>The figures in a sentence for the report's notes.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"an eth_call of verify every {Stages.NodeStallProbe.Spacing.TotalMilliseconds:0} ms: {Calls:N0} calls over {Window.TotalSeconds:0.0} s, " +
        $"{Blocks} new block(s){(BlockInterval is { } interval ? $", one every {interval.TotalMilliseconds:N0} ms" : "")}; " +
        $"slowest call per block {(StallPerBlock is { } stall ? $"{stall.TotalMilliseconds:N0} ms (median)" : "n/a (no block seen whole)")}, " +
        $"longest {LongestCall.TotalMilliseconds:N0} ms, median call {MedianCall.TotalMilliseconds:0.00} ms");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
