using Ledger.Drills;

namespace Ledger.Drills.Tests;

/// <summary>Runs the drill suite once in quick mode, in a temporary work directory, for all the tests of the class.</summary>
public sealed class QuickDrillsFixture : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "ledger-drills-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>The suite's results.</summary>
    public IReadOnlyList<DrillResult> Results { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        Results = await DrillSuite.RunAsync(new DrillOptions(Quick: true, _work), timeout.Token);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_work))
            Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }
}
