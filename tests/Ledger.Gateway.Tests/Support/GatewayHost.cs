using Ledger.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// The gateway as Program.cs builds it (AddLedgerGateway + MapLedgerGateway), with test
/// configuration, optionally a fake clock, on a real Kestrel port or an in-process TestServer;
/// /metrics is not cached between scrapes.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, CollectingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
    }

    /// <summary>What the gateway logged.</summary>
    public CollectingLoggerProvider Logs { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The address Kestrel bound for officers (e.g. https://127.0.0.1:40123): not the peer endpoint's or the metrics listener's, when there are.</summary>
    public Uri Address
    {
        get
        {
            var peers = _app.Services.GetService<Ledger.Gateway.Peers.PeerEndpoint>()?.BoundEndPoint is { } bound ? $"https://{bound}" : null;
            var metrics = MetricsAddress?.GetLeftPart(UriPartial.Authority);
            return new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(a => a != peers && a != metrics));
        }
    }

    /// <summary>The metrics listener's address (e.g. http://127.0.0.1:40124/), or null without one.</summary>
    public Uri? MetricsAddress =>
        _app.Services.GetService<Ledger.Gateway.Observability.MetricsListener>()?.BoundEndPoint is { } bound ? new Uri($"http://{bound}/") : null;

    /// <summary>The in-process server (TestServer hosts only).</summary>
    public TestServer TestServer => _app.GetTestServer();

    /// <summary>Builds and starts the gateway.</summary>
    /// <param name="settings">Configuration (nothing else is read).</param>
    /// <param name="time">A clock to use instead of the system clock.</param>
    /// <param name="inProcess">TestServer instead of Kestrel.</param>
    /// <param name="extraServices">Test-only services to register.</param>
    /// <param name="extraEndpoints">Test-only endpoints to map.</param>
    /// <param name="extraConfiguration">Configuration sources added after <paramref name="settings"/> (e.g. a JSON file that reloads).</param>
    public static async Task<GatewayHost> StartAsync(
        IDictionary<string, string?> settings, TimeProvider? time = null, bool inProcess = false,
        Action<IServiceCollection>? extraServices = null, Action<WebApplication>? extraEndpoints = null,
        Action<IConfigurationBuilder>? extraConfiguration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Test",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only the test's settings: not the appsettings.json copied next to the tests.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        extraConfiguration?.Invoke(builder.Configuration);
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        if (time is not null)
            builder.Services.AddSingleton(time);
        if (inProcess)
            builder.WebHost.UseTestServer();
        builder.AddLedgerGateway();
        // A scrape shows what was recorded until then, not a response cached for a moment (300 ms
        // in production): a test can compare scrapes without sleeping past the cache.
        builder.Services.Configure<PrometheusAspNetCoreOptions>(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
        extraServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapLedgerGateway();
        extraEndpoints?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new GatewayHost(app, logs);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
