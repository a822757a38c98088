namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Whether the devnet's node can still serve a larger scale step. anvil rebuilds its whole state
/// trie for every block and answers no read of state meanwhile, so the time a block holds readers up grows
/// with the permits on chain (measured at rest after each step). Once a block would take more than
/// <see cref="MaxBlockPeriods"/> block periods to mine, anvil mines without pause and every read
/// waits for it: the step would measure anvil's trie, not the ledger, and its bulk load (which waits
/// on every block) would take far longer than a run should.
/// </summary>
internal static class NodeLimit
{
    /// <summary>Projected mining time per block, in block periods, above which a step is not loaded.</summary>
    public const double MaxBlockPeriods = 2;

    /// <summary>
    /// Projects the stall at <paramref name="size"/> in proportion to the permits from the last step
    /// measured; returns why the step is not loaded, or null when it may be (or when nothing was measured).
    /// </summary>
    public static string? Refuses(ScaleStep last, long size, TimeSpan blockPeriod)
    {
        ArgumentNullException.ThrowIfNull(last);
        if (last.BlockMiningTime is not { } stall || last.Size <= 0)
            return null;
        var projected = stall * ((double)size / last.Size);
        if (projected <= blockPeriod * MaxBlockPeriods)
            return null;
        return FormattableString.Invariant($"{size:N0} permits were NOT loaded: anvil rebuilds its whole state trie for every block and answers no read of state meanwhile; ") +
            FormattableString.Invariant($"at rest the slowest eth_call per block took {stall.TotalMilliseconds:N0} ms at {last.Size:N0} permits ") +
            FormattableString.Invariant($"({stall.TotalMilliseconds * 1_000 / last.Size:0.0} ms per 1,000 permits), so at {size:N0} a block would take about {projected.TotalSeconds:0.0} s to mine ") +
            FormattableString.Invariant($"against a {blockPeriod.TotalSeconds:0.#} s block period (the limit is {MaxBlockPeriods:0.#} periods): the node would mine without pause, every verify would wait for it, ") +
            "and the figures would measure anvil's trie rather than the ledger";
    }
}
