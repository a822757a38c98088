using Ledger.Benchmarks.Stages;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Tests;

public class NodeLimitTests
{
    private static ScaleStep StepWithStall(long size, double? stallMs) => new(size, new LatencyHistogram(), new LatencyHistogram(), 0, TimeSpan.Zero,
        new NodeStalls(100, TimeSpan.FromSeconds(6), 6, TimeSpan.FromSeconds(1), stallMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, TimeSpan.Zero, TimeSpan.Zero));

    [Fact]
    public void A_step_whose_projected_mining_exceeds_two_block_periods_is_refused_with_the_figures()
    {
        var why = NodeLimit.Refuses(StepWithStall(100_000, 600), 1_000_000, TimeSpan.FromSeconds(1));

        Assert.NotNull(why);
        Assert.Contains("1,000,000 permits were NOT loaded", why);
        Assert.Contains("600 ms at 100,000 permits", why);
        Assert.Contains("6.0 ms per 1,000 permits", why);
        Assert.Contains("about 6.0 s to mine", why);
    }

    [Theory]
    [InlineData(10_000, 60.0, 100_000, null)]      // 0.6 s per block: served
    [InlineData(10_000, 199.0, 100_000, null)]     // 1.99 s: within two periods
    [InlineData(10_000, 201.0, 100_000, "NOT")]    // 2.01 s: refused
    [InlineData(10_000, null, 1_000_000, null)]  // nothing measured: no projection
    public void The_limit_is_two_block_periods_of_projected_mining(long size, double? stallMs, long next, string? refused)
    {
        var why = NodeLimit.Refuses(StepWithStall(size, stallMs), next, TimeSpan.FromSeconds(1));

        if (refused is null)
            Assert.Null(why);
        else
            Assert.Contains(refused, why);
    }

    [Fact]
    public void A_generated_step_projects_from_its_timed_evm_mine()
    {
        var generated = new ScaleStep(1_000_000, new LatencyHistogram(), new LatencyHistogram(), 0, TimeSpan.Zero, null, TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.FromSeconds(9), generated.BlockMiningTime);
        Assert.Contains("9,000 ms at 1,000,000 permits", NodeLimit.Refuses(generated, 2_000_000, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(600), StepWithStall(100_000, 600).BlockMiningTime);
    }
}
