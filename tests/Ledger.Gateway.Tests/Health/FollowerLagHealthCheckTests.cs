using Ledger.Gateway.Health;
using Ledger.Gateway.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Health;

/// <summary>The follower check against a node whose answers the test sets: at the limit healthy, one block past it degraded, and back.</summary>
public sealed class FollowerLagHealthCheckTests
{
    private const int Limit = 50;

    private static FollowerLagHealthCheck Check(INodeStatusSource node) =>
        new(node, Options.Create(new NodeHealthOptions { FollowerMaxLagBlocks = Limit, ProbeTimeout = TimeSpan.FromSeconds(1) }));

    private static Task<HealthCheckResult> Run(FollowerLagHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task A_lag_over_the_limit_is_degraded_with_the_lag_and_healthy_again_once_caught_up()
    {
        var node = new SettableNode { Lag = Limit };
        var check = Check(node);

        var atLimit = await Run(check);
        node.Lag = Limit + 1;
        var over = await Run(check);
        node.Lag = 0;
        var caughtUp = await Run(check);

        Assert.Equal(HealthStatus.Healthy, atLimit.Status);
        Assert.Equal(HealthStatus.Degraded, over.Status);
        Assert.Equal($"The event follower is {Limit + 1} blocks behind the head (more than {Limit}).", over.Description);
        Assert.Equal((long)Limit + 1, over.Data["lag_blocks"]);
        Assert.Equal(HealthStatus.Healthy, caughtUp.Status);
    }

    [Fact]
    public async Task A_follower_that_applied_nothing_yet_is_degraded()
    {
        var result = await Run(Check(new SettableNode { Lag = null }));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("has not applied any block", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_node_answer_the_lag_is_unknown_and_degraded_not_unhealthy()
    {
        // The node check says NOT_SERVING in that case; this one must not double it up or hide it.
        var result = await Run(Check(new SettableNode { Failure = new HttpRequestException("connection refused") }));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("no node answers", result.Description, StringComparison.Ordinal);
    }

    private sealed class SettableNode : INodeStatusSource
    {
        public long? Lag { get; set; }

        public Exception? Failure { get; init; }

        public IReadOnlyList<NodeEndpointState> Endpoints => [];

        public Task<NodeStatus> ProbeAsync(CancellationToken cancellationToken) =>
            Failure is not null ? Task.FromException<NodeStatus>(Failure) : Task.FromResult(new NodeStatus(1_000, TimeSpan.FromSeconds(1), Lag, Endpoints));
    }
}
