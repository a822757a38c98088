using Ledger.Cli.Connection;
using Ledger.Devnet.Hosting;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// One devnet (anvil from chain-config/genesis.json, one gateway with its web console per
/// founding authority, in-memory stores) and, where chromium is installed, one headless chromium,
/// shared by every test: starting them is most of the suite's time. Each test opens its own
/// browser contexts (separate cookies) and registers its own permits.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The running devnet.</summary>
    public RunningDevnet Devnet { get; private set; } = null!;

    /// <summary>The shared browser (only for <see cref="ChromiumFactAttribute"/> tests).</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The temporary state folder (checkpoints, gateways.json).</summary>
    public string StateFolder { get; } = Path.Combine(Path.GetTempPath(), "ledger-console-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the tests save their screenshots: screenshots/ beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The web console of authority <paramref name="id"/> ("ch", "fr", ...).</summary>
    public Uri Console(string id) => Devnet.Consoles[id];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Devnet = await RunningDevnet.StartAsync(new DevnetOptions(BasePort: 0, UseRedis: false, StateFolder: StateFolder), TextWriter.Null, timeout.Token);
        if (ChromiumFactAttribute.SkipReason is not null)
            return;
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A client of CH's gateway (the caller disposes it).</summary>
    public GatewayClients ChGateway() => GatewayClientFactory.Create(new GatewaySettings(Devnet.Gateways["ch"]));

    /// <summary>A browser of the test's own, launched with <paramref name="extraArgs"/> added (a fake camera, for instance); the test disposes it.</summary>
    public Task<IBrowser> LaunchBrowserAsync(IEnumerable<string> extraArgs) =>
        Chromium.LaunchAsync(_playwright ?? throw new InvalidOperationException("Chromium is not available: " + ChromiumFactAttribute.SkipReason), extraArgs);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Devnet is not null)
            await Devnet.DisposeAsync();
        if (Directory.Exists(StateFolder))
            Directory.Delete(StateFolder, recursive: true);
    }
}

/// <summary>The browser tests, sharing one <see cref="ConsoleFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console";
}
