using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Tests;

public class GoalAndReportTests
{
    [Theory]
    [InlineData(30_000, 20_000, "Met")]      // 1.5× exactly
    [InlineData(29_999, 20_000, "Missed")]
    [InlineData(10, 0, "NotMeasured")]       // no usable baseline
    public void A_ratio_goal_judges_the_figure_against_its_baseline(double value, double baseline, string expected) =>
        Assert.Equal(Enum.Parse<Verdict>(expected), Goal.RatioAtLeast(1.5, "raw").Judge(value, baseline));

    [Fact]
    public void Bounds_judge_the_figure_alone_and_a_missing_figure_is_not_measured()
    {
        Assert.Equal(Verdict.Met, Goal.AtLeast(20_000, "req/s").Judge(20_000, null));
        Assert.Equal(Verdict.Missed, Goal.AtLeast(20_000, "req/s").Judge(19_999, null));
        Assert.Equal(Verdict.Met, Goal.AtMost(1_100, "ms").Judge(1_100, null));
        Assert.Equal(Verdict.Missed, Goal.AtMost(1_100, "ms").Judge(1_101, null));
        Assert.Equal(Verdict.NotMeasured, Goal.AtMost(1_100, "ms").Judge(null, null));
        Assert.Equal(Verdict.NotMeasured, Goal.AtMost(1_100, "ms").Judge(double.NaN, null));
        Assert.Equal(Verdict.Met, Goal.RatioAtMost(1.25, "smallest size").Judge(5, 4));
        Assert.Equal(Verdict.Missed, Goal.RatioAtMost(1.25, "smallest size").Judge(5.1, 4));
    }

    [Fact]
    public void Goals_and_verdicts_read_plainly()
    {
        Assert.Equal("≥ 0.8 × raw", Goal.RatioAtLeast(0.8, "raw").Text);
        Assert.Equal("≥ 20,000 req/s", Goal.AtLeast(20_000, "req/s").Text);
        Assert.Equal("≤ 0 blocks", Goal.AtMost(0, "blocks").Text);
        Assert.Equal("**MISSED**", Goal.Word(Verdict.Missed));
        Assert.Equal("met", Goal.Word(Verdict.Met));
        Assert.Equal("not measured", Goal.Word(Verdict.NotMeasured));
    }

    [Theory]
    [InlineData(8_493, 10_628, 0.8, true, "0.799×")]  // two decimals would print a missed 0.80
    [InlineData(8_000, 10_000, 0.8, true, "0.80×")]   // met exactly: two decimals
    [InlineData(26_310, 10_000, 1.5, true, "2.63×")]  // far from the bound: two decimals
    [InlineData(12_596, 10_000, 1.25, false, "1.26×")]   // "≤ 1.25", missed, and reads missed
    [InlineData(12_549, 10_000, 1.25, false, "1.255×")]  // missed; 1.25 would read met
    [InlineData(12_504, 10_000, 1.25, false, "1.2504×")] // missed; 1.25 and 1.250 would read met
    public void A_ratio_gets_the_decimals_that_keep_its_verdict_readable(double value, double baseline, double bound, bool atLeast, string expected)
    {
        var goal = atLeast ? Goal.RatioAtLeast(bound, "raw") : Goal.RatioAtMost(bound, "smallest size");

        Assert.Equal(expected, new ReportRow("figure", value, "req/s", baseline, "raw", goal).RatioText);
    }

    [Fact]
    public void A_row_prints_its_ratio_and_says_n_a_for_what_was_not_measured()
    {
        var row = new ReportRow("gRPC cached", 3_000, "req/s", 2_000, "raw eth_call", Goal.RatioAtLeast(1.5, "raw"));
        var unmeasured = new ReportRow("gRPC cached", double.NaN, "req/s", 2_000, "raw eth_call", Goal.RatioAtLeast(1.5, "raw"));

        Assert.Equal("1.50×", row.RatioText);
        Assert.Equal("3,000 req/s", row.ValueText);
        Assert.Equal("2,000 req/s (raw eth_call)", row.BaselineText);
        Assert.Equal(Verdict.Met, row.Verdict);
        Assert.Equal("n/a", unmeasured.RatioText);
        Assert.Equal("n/a", unmeasured.ValueText);
        Assert.Equal(Verdict.NotMeasured, unmeasured.Verdict);
        Assert.Equal("0.75 ms", ReportRow.Format(0.75, "ms"));
        Assert.Equal("1,250 ms", ReportRow.Format(1_250, "ms"));
    }

    [Fact]
    public void The_report_names_every_missed_goal_in_its_summary_and_its_table()
    {
        var section = new ReportSection("Verify", "how")
            .Add(new ReportRow("gRPC cached, 64 clients", 3_811, "req/s", Goal: Goal.AtLeast(20_000, "req/s")))
            .Add(new ReportRow("raw eth_call", 7_000, "req/s"))
            .Add(new ReportRow("register gas", 101_230, "gas", 101_230, "at 10,000 permits", Goal.RatioAtMost(1.01, "smallest size")));
        var machine = new MachineInfo("CPU X", 2, "8.0 GiB", "Debian", ".NET 10", "anvil 1.0");
        var header = new RunHeader(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(90), true, machine, "1 1 1", "2 2 2");

        var text = MarkdownReport.Render(header, [section], "chart.png");

        Assert.Contains("1 of 2 goals met, 1 missed, 0 not measured.", text);
        Assert.Contains("- MISSED: Verify / gRPC cached, 64 clients: 3,811 req/s, goal ≥ 20,000 req/s", text);
        Assert.Contains("| gRPC cached, 64 clients | 3,811 req/s |  |  | ≥ 20,000 req/s | **MISSED** |", text);
        Assert.Contains("| register gas | 101,230 gas | 101,230 gas (at 10,000 permits) | 1.00× | ≤ 1.01 × smallest size | met |", text);
        Assert.Contains("**quick mode**", text);
        Assert.Contains("indicative", text);
        Assert.Contains("| cores | 2 |", text);
        Assert.Contains("![verify throughput by client count](chart.png)", text);
    }
}
