using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>One devnet (anvil, redis-server, contracts, gateway on a free port) shared by a test class, in a temporary state folder.</summary>
public sealed class DevnetFixture : IAsyncLifetime
{
    private readonly StringWriter _log = new();

    /// <summary>The running devnet.</summary>
    public RunningDevnet Devnet { get; private set; } = null!;

    /// <summary>What the devnet printed while starting.</summary>
    public string StartupLog => _log.ToString();

    /// <summary>The temporary state folder (keystores, record, checkpoints).</summary>
    public string StateFolder { get; } = Path.Combine(Path.GetTempPath(), "ledger-devnet-test-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Devnet = await RunningDevnet.StartAsync(new DevnetOptions(GatewayPort: 0, UseRedis: true, StateFolder: StateFolder), _log, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await Devnet.DisposeAsync();
        Directory.Delete(StateFolder, recursive: true);
    }
}
