using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// One devnet in the network's topology (anvil from chain-config/genesis.json, redis-server,
/// one gateway per founding authority on free ports) in a temporary state folder, shared by
/// the tests of <see cref="DevnetCollection"/>. Those tests only add fresh permits; the story,
/// which admits a new issuer, runs on a devnet of its own.
/// </summary>
public sealed class DevnetFixture : IAsyncLifetime
{
    private readonly StringWriter _log = new();

    /// <summary>Every gateway's log lines (the audit trail among them), by authority id.</summary>
    public GatewayLogCollector GatewayLogs { get; } = new();

    /// <summary>The running devnet.</summary>
    public RunningDevnet Devnet { get; private set; } = null!;

    /// <summary>What the devnet printed while starting.</summary>
    public string StartupLog => _log.ToString();

    /// <summary>The temporary state folder (checkpoints, gateways.json).</summary>
    public string StateFolder { get; } = Path.Combine(Path.GetTempPath(), "ledger-devnet-test-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Devnet = await RunningDevnet.StartAsync(new DevnetOptions(BasePort: 0, UseRedis: true, StateFolder: StateFolder, GatewayLogging: GatewayLogs.AddTo), _log, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Devnet is not null)
            await Devnet.DisposeAsync();
        if (Directory.Exists(StateFolder))
            Directory.Delete(StateFolder, recursive: true);
    }

    /// <summary>The devnet authority with id <paramref name="id"/>.</summary>
    public DevnetAuthority Authority(string id) => Devnet.Authorities.Single(a => a.Id == id);
}

/// <summary>The devnet tests that share one <see cref="DevnetFixture"/>; devnets are never started in parallel (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class DevnetCollection : ICollectionFixture<DevnetFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Devnet";
}
