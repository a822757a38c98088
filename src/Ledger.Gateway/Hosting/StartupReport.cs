using Ledger.Gateway.Chain;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// Logs, once the server listens, where and how: in Devnet mode a loud warning, because
/// callers there claim identities without proof; in Production a warning for each plain link to
/// another machine the operator has declared private (<see cref="PlaintextLinks.Declared"/>), so
/// that the declaration is in every log and not only in a settings file.
/// </summary>
public sealed class StartupReport(
    IOptions<GatewayOptions> options, IOptions<GatewayChainOptions> chain, IOptions<RedisOptions> redis, IOptions<ObservabilityOptions> metrics,
    IServer server, IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (options.Value.Mode == GatewayMode.Devnet)
        {
            logger.LogWarning(
                "\n*****************************************************************************\n" +
                "*  DEVNET MODE: plain HTTP/2 WITHOUT TLS on {Addresses}.\n" +
                "*  Callers name themselves with the x-ledger-dev-identity header and NOTHING\n" +
                "*  checks the claim. For a one-machine development network only; never expose\n" +
                "*  this port or run this mode with real authority keys.\n" +
                "*****************************************************************************",
                addresses);
            return;
        }
        logger.LogInformation("Gateway listening on {Addresses} (TLS 1.3, client certificate required).", addresses);
        foreach (var link in PlaintextLinks.Declared(chain.Value, redis.Value, metrics.Value))
            logger.LogWarning(
                "Plain link without TLS, declared private by the operator: {Link}. Whoever sits on it can read and change what crosses it; " +
                "keep it on a network only this authority's own machines share, or move it to TLS.", link);
    }
}
