using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Tests;

/// <summary><see cref="WindowRounds"/>: a way's figure is its median round, whatever order the rounds came in.</summary>
public sealed class WindowRoundsTests
{
    [Fact]
    public void The_figure_is_the_median_round_and_every_rounds_rate_is_described()
    {
        var rounds = new WindowRounds();
        foreach (var completed in new[] { 300, 100, 200 })
            rounds.Add("grpc", 16, Window(completed));

        Assert.Equal(200, rounds.Median("grpc", 16)!.PerSecond);
        Assert.Equal("rounds 300 / 100 / 200 req/s", rounds.Describe("grpc", 16));
        Assert.Null(rounds.Median("grpc", 64));
        Assert.Null(rounds.Median("http", 16));
    }

    [Fact]
    public void Of_two_rounds_the_lower_counts_and_one_round_is_described_by_nothing()
    {
        var rounds = new WindowRounds();
        rounds.Add("raw", 1, Window(500));
        Assert.Equal("", rounds.Describe("raw", 1));
        rounds.Add("raw", 1, Window(400));

        Assert.Equal(400, rounds.Median("raw", 1)!.PerSecond);
    }

    [Fact]
    public void A_removed_window_no_longer_counts()
    {
        var rounds = new WindowRounds();
        rounds.Add("raw", 16, Window(900));
        rounds.Add("raw", 16, Window(100));

        Assert.Equal(100, rounds.RemoveLast("raw", 16).PerSecond);

        Assert.Equal(900, rounds.Median("raw", 16)!.PerSecond);
        Assert.Single(rounds.All);
        Assert.Equal(900, rounds.Last("raw", 16).PerSecond);
    }

    private static LoadResult Window(long completed) =>
        new("way", 16, completed, 0, TimeSpan.FromSeconds(1), new LatencyHistogram(), null, null);
}
