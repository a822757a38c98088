using Ledger.Gateway.Hosting;
using Ledger.Gateway.WebConsole;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledger.Devnet.Hosting;

/// <summary>The gateway, built exactly as its Program.cs builds it, inside the devnet process with the devnet's configuration only.</summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGateway(WebApplication app, Uri address, Uri? consoleAddress)
    {
        _app = app;
        Address = address;
        ConsoleAddress = consoleAddress;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address { get; }

    /// <summary>The web console's address, e.g. http://127.0.0.1:6081/, or null when the settings have no Console section.</summary>
    public Uri? ConsoleAddress { get; }

    /// <summary>Builds and starts the gateway; throws when its options do not validate.</summary>
    public static async Task<InProcessGateway> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
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
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The gateway started without an address.");
        var console = ConsoleHostingExtensions.HasConsoleSection(app.Configuration) ? app.Services.GetRequiredService<ConsoleListener>().Address : null;
        return new InProcessGateway(app, new Uri(bound), console);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
