using Ledger.Gateway.Health;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Observability;

/// <summary>
/// Probes the node every <see cref="NodeHealthOptions.ProbeInterval"/> so that the metrics
/// gauges (head age, follower lag, endpoint state) stay current without a scrape waiting
/// on the node. A failed probe leaves the last values and the endpoint states it saw.
/// </summary>
internal sealed class NodeStatusRefresher(INodeStatusSource node, IOptions<NodeHealthOptions> options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(options.Value.ProbeTimeout);
                await node.ProbeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The node check reports the outage; the gauges keep the last values seen.
            }
            try
            {
                await Task.Delay(options.Value.ProbeInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
