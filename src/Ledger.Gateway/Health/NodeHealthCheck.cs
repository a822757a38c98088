using System.Globalization;
using Ledger.Gateway.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Health;

/// <summary>
/// Unhealthy when no node answers (the gateway can neither read nor write: gRPC health says
/// NOT_SERVING); Degraded when the newest block is older than
/// <see cref="NodeHealthOptions.MaxHeadAge"/> (the chain has stalled: writes will not be
/// mined) or some endpoints are down; Healthy otherwise.
/// </summary>
internal sealed class NodeHealthCheck(INodeStatusSource node, IOptions<NodeHealthOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ProbeTimeout);
        NodeStatus status;
        try
        {
            status = await node.ProbeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(
                $"No node answers ({e.GetType().Name}); reads and writes answer UNAVAILABLE until one does. " +
                "Check the nodes in Chain:RpcUrls.", data: EndpointData(node.Endpoints));
        }
        var data = EndpointData(status.Endpoints);
        data["head_block"] = status.HeadBlock;
        data["head_age_seconds"] = Math.Round(status.HeadAge.TotalSeconds, 1);
        var age = status.HeadAge.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (status.HeadAge > settings.MaxHeadAge)
            return HealthCheckResult.Degraded(
                $"The newest block {status.HeadBlock} is {age} s old, more than {settings.StaleAfterBlocks} block periods of " +
                $"{settings.BlockPeriod.TotalSeconds} s: the chain may have stalled (validators down?), writes will not be mined.", data: data);
        var down = status.Endpoints.Where(e => !e.IsUp).Select(e => e.Name).ToArray();
        if (down.Length > 0)
            return HealthCheckResult.Degraded($"Node endpoints down: {string.Join(", ", down)}; the others answer (head {status.HeadBlock}).", data: data);
        return HealthCheckResult.Healthy($"Head block {status.HeadBlock}, {age} s old.", data);
    }

    private static Dictionary<string, object> EndpointData(IReadOnlyList<NodeEndpointState> endpoints) =>
        endpoints.ToDictionary(e => "endpoint " + e.Name, e => (object)(e.IsUp ? "up" : "down"));
}
