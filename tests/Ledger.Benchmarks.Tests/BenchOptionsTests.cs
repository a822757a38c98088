namespace Ledger.Benchmarks.Tests;

public class BenchOptionsTests
{
    [Fact]
    public void Defaults_are_the_full_run_into_benchmarks_results()
    {
        var options = BenchOptions.Parse([], "/repo");

        Assert.False(options.Quick);
        Assert.Equal("/repo/benchmarks/results", options.OutputDirectory);
        Assert.Equal([10_000L, 100_000L, 1_000_000L], options.ScaleSizes);
    }

    [Fact]
    public void Quick_uses_small_sizes_and_short_windows()
    {
        var options = BenchOptions.Parse(["--quick", "--out", "/tmp/x"], "/repo");

        Assert.True(options.Quick);
        Assert.Equal("/tmp/x", options.OutputDirectory);
        Assert.Equal(BenchOptions.QuickScaleSizes, options.ScaleSizes);
        Assert.True(options.VerifyWindow < BenchOptions.Parse([], "/repo").VerifyWindow);
    }

    [Fact]
    public void The_catch_up_budget_grows_with_the_load_at_the_slowest_acceptable_rate()
    {
        var options = BenchOptions.Parse([], "/repo");

        Assert.Equal(options.CatchUpBudget, options.CatchUpBudgetFor(0));
        Assert.Equal(options.CatchUpBudget + TimeSpan.FromSeconds(1_000_000 / BenchOptions.SlowestCatchUpRate), options.CatchUpBudgetFor(1_000_000));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--out")]
    [InlineData("--scale", "100,10")]
    [InlineData("--scale", "10,x")]
    [InlineData("--scale", "0")]
    public void Bad_arguments_are_refused_with_the_usage(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args, "/repo"));
        Assert.Contains("Usage:", error.Message);
    }

    [Fact]
    public void Scale_sizes_can_be_chosen()
    {
        Assert.Equal([5L, 50L], BenchOptions.Parse(["--scale", "5,50"], "/repo").ScaleSizes);
    }

    [Fact]
    public void Only_selects_stages_by_name_and_refuses_unknown_ones()
    {
        var options = BenchOptions.Parse(["--only", "writes,scale"], "/repo");
        Assert.True(options.Runs("writes"));
        Assert.True(options.Runs("scale"));
        Assert.False(options.Runs("verify-cached"));
        Assert.True(BenchOptions.Parse([], "/repo").Runs("drills"));
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--only", "writes,speed"], "/repo"));
        Assert.Contains("speed", error.Message, StringComparison.Ordinal);
    }
}
