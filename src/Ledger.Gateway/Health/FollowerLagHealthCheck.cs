using Ledger.Gateway.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Health;

/// <summary>
/// Degraded when the event follower is more than <see cref="NodeHealthOptions.FollowerMaxLagBlocks"/>
/// behind the head: cached verifications may then be stale longer than usual and WatchPermits
/// streams run late. Without a node answer the node check speaks; this one stays silent.
/// </summary>
internal sealed class FollowerLagHealthCheck(INodeStatusSource node, IOptions<NodeHealthOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        NodeStatus status;
        try
        {
            status = await node.ProbeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The follower's lag is unknown: no node answers (see the node check).");
        }
        if (status.FollowerLagBlocks is not { } lag)
            return HealthCheckResult.Degraded("The event follower has not applied any block yet.");
        var data = new Dictionary<string, object> { ["lag_blocks"] = lag };
        return lag > options.Value.FollowerMaxLagBlocks
            ? HealthCheckResult.Degraded($"The event follower is {lag} blocks behind the head (more than {options.Value.FollowerMaxLagBlocks}).", data: data)
            : HealthCheckResult.Healthy($"The event follower is {lag} blocks behind the head.", data);
    }
}
