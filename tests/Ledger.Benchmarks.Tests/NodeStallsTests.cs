using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Tests;

public class NodeStallsTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Answer = TimeSpan.FromMilliseconds(0.3);

    /// <summary>
    /// A node that mines block k+1 at (k+1)·period and answers no read of state until mining
    /// ends stall[k] later, asked as the probe asks: the head, then a read, then 10 ms of rest.
    /// </summary>
    private static List<NodeStalls.Sample> Simulate(IReadOnlyList<double> stallsMs, TimeSpan length)
    {
        TimeSpan MiningEnd(int block) => Period * block + TimeSpan.FromMilliseconds(stallsMs[(block - 1) % stallsMs.Count]);
        var samples = new List<NodeStalls.Sample>();
        var t = TimeSpan.FromMilliseconds(3);
        while (t < length)
        {
            var head = 0;
            while (MiningEnd(head + 1) <= t)
                head++;
            var mining = head + 1;
            var latency = t >= Period * mining ? MiningEnd(mining) - t + Answer : Answer;
            samples.Add(new NodeStalls.Sample(t, latency, (ulong)head));
            t += latency + Stages.NodeStallProbe.Spacing;
        }
        return samples;
    }

    [Theory]
    [InlineData(50)]
    [InlineData(600)]
    [InlineData(900)]
    public void The_stall_per_block_is_how_long_mining_held_reads_up(double stallMs)
    {
        var figures = NodeStalls.From(Simulate([stallMs], TimeSpan.FromSeconds(6.95)));

        // The first read during mining starts within one spacing (plus an answer) after mining starts.
        Assert.NotNull(figures.StallPerBlock);
        Assert.InRange(figures.StallPerBlock.Value.TotalMilliseconds, stallMs - 11, stallMs + 1);
        Assert.Equal(6, figures.Blocks);
        Assert.InRange(figures.BlockInterval!.Value.TotalMilliseconds, 980, 1_020);
        Assert.InRange(figures.MedianCall, Answer, Answer);
        Assert.InRange(figures.LongestCall.TotalMilliseconds, stallMs - 11, stallMs + 1);
    }

    [Fact]
    public void The_stall_per_block_is_the_median_block_not_the_worst()
    {
        var figures = NodeStalls.From(Simulate([100, 700, 300, 200, 900, 250, 150], TimeSpan.FromSeconds(8.5)));

        // Blocks seen whole: heads 1..7 (mined 2..8), stalls 700, 300, 200, 900, 250, 150, 100: median 250.
        Assert.InRange(figures.StallPerBlock!.Value.TotalMilliseconds, 239, 251);
        Assert.InRange(figures.LongestCall.TotalMilliseconds, 889, 901);
    }

    [Fact]
    public void Without_a_whole_block_there_is_no_stall_figure()
    {
        var oneHead = NodeStalls.From(Simulate([100], TimeSpan.FromMilliseconds(900)));
        var none = NodeStalls.From([]);

        Assert.Null(oneHead.StallPerBlock);
        Assert.Null(oneHead.BlockInterval);
        Assert.Equal(0, oneHead.Blocks);
        Assert.Equal(0, none.Calls);
        Assert.Null(none.StallPerBlock);
    }
}
