using Ledger.Drills;
using Xunit.Abstractions;

namespace Ledger.Drills.Tests;

/// <summary>
/// Each fault drill in quick mode: it ran its writes and the chain holds none lost and none
/// doubled. A drill that did not complete reports -1 and its reason, which fails here too.
/// </summary>
public sealed class QuickDrillTests(QuickDrillsFixture drills, ITestOutputHelper output) : IClassFixture<QuickDrillsFixture>
{
    private static readonly string[] Names =
    [
        "redis killed under load",
        "node stopped and restarted under load",
        "gateway SIGKILLed between send and receipt",
        "concurrent shipments on single-use permits",
    ];

    public static TheoryData<string> Drills => new(Names);

    [Theory]
    [MemberData(nameof(Drills))]
    public void No_write_is_lost_or_doubled(string name)
    {
        var result = Assert.Single(drills.Results, r => r.Name == name);
        output.WriteLine($"{result.Name}: attempted {result.Attempted}, lost {result.Lost}, doubled {result.Doubled}, took {result.Took.TotalSeconds:0.0} s");
        output.WriteLine(result.Notes);

        Assert.True(result.Attempted > 0, $"{name} attempted no write: {result.Notes}");
        Assert.True(result.Lost == 0 && result.Doubled == 0, $"{name}: lost {result.Lost}, doubled {result.Doubled}: {result.Notes}");
    }

    [Fact]
    public void The_suite_runs_the_four_drills_of_issue_13()
    {
        Assert.Equal(Names.Order(), drills.Results.Select(r => r.Name).Order());
    }
}
