using Ledger.Gateway.Hosting;
using Ledger.Gateway.WebConsole;
using Ledger.Gateway.Peers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledger.Devnet.Hosting;

/// <summary>The gateway, built exactly as its Program.cs builds it, inside the devnet process with the devnet's configuration only.</summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGateway(WebApplication app, Uri address, Uri? consoleAddress, Uri? peerAddress)
    {
        _app = app;
        Address = address;
        ConsoleAddress = consoleAddress;
        PeerAddress = peerAddress;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:5080 (https:// in Production mode).</summary>
    public Uri Address { get; }

    /// <summary>The web console's address, e.g. http://127.0.0.1:6081/, or null when the settings have no Console section.</summary>
    public Uri? ConsoleAddress { get; }

    /// <summary>The peer endpoint (gateway to gateway, always TLS), e.g. https://127.0.0.1:7081; null without one.</summary>
    public Uri? PeerAddress { get; }

    /// <summary>The gateway's services (its peer certificate, its document store: for the devnet's startup steps and tests).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the gateway with console logging only; throws when its options do not validate.</summary>
    public static Task<InProcessGateway> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        StartAsync(settings, null, cancellationToken);

    /// <summary>Builds and starts the gateway; throws when its options do not validate.</summary>
    /// <param name="settings">The gateway's whole configuration.</param>
    /// <param name="configureLogging">Adds log providers beside the console (tests read the audit lines), or null.</param>
    /// <param name="cancellationToken">Stops waiting for the start.</param>
    public static async Task<InProcessGateway> StartAsync(
        IDictionary<string, string?> settings, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Devnet",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only the devnet's settings: not appsettings files that travel with the gateway.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddSimpleConsole()
            .AddConfiguration(builder.Configuration.GetSection("Logging"));
        configureLogging?.Invoke(builder.Logging);
        builder.AddLedgerGateway();
        builder.AddLedgerConsole();
        var app = builder.Build();
        app.MapLedgerGateway();
        app.MapLedgerConsole();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A refused start (options, keystores, the keyring check) must not leave its Redis connection and timers behind.
            await app.DisposeAsync();
            throw;
        }
        var console = ConsoleHostingExtensions.HasConsoleSection(app.Configuration) ? app.Services.GetRequiredService<ConsoleListener>().Address : null;
        var peer = app.Services.GetService<PeerEndpoint>()?.BoundEndPoint is { } endPoint ? new Uri($"https://{endPoint}") : null;
        // Kestrel lists every listener; the API's is the one that is neither the console's nor the peer endpoint's
        // (plain HTTP in Devnet mode, HTTPS when a test runs the gateway in Production mode).
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(address => address.StartsWith("http", StringComparison.Ordinal) && new Uri(address).Port != console?.Port && new Uri(address).Port != peer?.Port)
            ?? throw new InvalidOperationException("The gateway started without an address.");
        return new InProcessGateway(app, new Uri(bound), console, peer);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
