using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Gateway.Health;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The gRPC health service follows the node: SERVING while it answers, NOT_SERVING once it is
/// gone. A follower lagging over its limit makes the report degraded (and the gateway still
/// SERVING: it answers from the chain, only cached answers and watch streams run late).
/// </summary>
public sealed class NodeHealthTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private AnvilDevnet? _devnet;

    public async Task InitializeAsync()
    {
        _devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { BlockTime = TimeSpan.FromSeconds(0.2) });
        var record = await LedgerDeployment.DeployAsync(_devnet);
        await record.WriteAsync(_directory.File("deployment.json"));
    }

    public async Task DisposeAsync()
    {
        if (_devnet is not null)
            await _devnet.DisposeAsync();
        _directory.Dispose();
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:Port"] = "0",
            ["Identity:DevIdentities:observer:Authority"] = _devnet!.Accounts[0].Address.ToChecksumHex(),
            ["Identity:DevIdentities:observer:Role"] = "ReadOnly",
            ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            ["Chain:RpcUrls:0"] = _devnet.RpcUrl.ToString(),
            ["Chain:DeploymentRecordFile"] = _directory.File("deployment.json"),
            ["Chain:FollowerPollInterval"] = "00:00:00.100",
            ["Health:Node:BlockPeriod"] = "00:00:00.200",
            ["Health:Node:ProbeTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Health_turns_not_serving_when_the_node_stops_answering()
    {
        await using var gateway = await GatewayHost.StartAsync(Settings());
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var health = new HealthClient(channel);

        await Eventually.TrueAsync(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == ServingStatus.Serving,
            TimeSpan.FromSeconds(10), "health says SERVING with the node up");
        await _devnet!.DisposeAsync();
        _devnet = null;

        await Eventually.TrueAsync(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == ServingStatus.NotServing,
            TimeSpan.FromSeconds(15), "health says NOT_SERVING with the node gone");
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("No node answers"));
    }

    [Fact]
    public async Task A_follower_further_behind_than_its_limit_is_degraded_with_its_lag_while_grpc_health_stays_serving()
    {
        // The follower catches up once at start, then sleeps ten minutes while 0.2 s blocks pile up.
        await using var gateway = await GatewayHost.StartAsync(Settings(("Chain:FollowerPollInterval", "00:10:00"), ("Health:Node:FollowerMaxLagBlocks", "3")));
        var checks = gateway.Services.GetRequiredService<HealthCheckService>();
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var health = new HealthClient(channel);
        HealthReportEntry follower = default;

        await Eventually.TrueAsync(async () =>
        {
            follower = (await checks.CheckHealthAsync(c => c.Name == HealthServiceCollectionExtensions.FollowerCheckName))
                .Entries[HealthServiceCollectionExtensions.FollowerCheckName];
            return follower.Data.TryGetValue("lag_blocks", out var lag) && (long)lag > 3;
        }, TimeSpan.FromSeconds(20), "the follower is more than 3 blocks behind");
        var report = await checks.CheckHealthAsync();
        var grpc = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthStatus.Degraded, follower.Status);
        Assert.Matches(@"^The event follower is \d+ blocks behind the head \(more than 3\)\.$", follower.Description);
        Assert.Equal(HealthStatus.Healthy, report.Entries[HealthServiceCollectionExtensions.NodeCheckName].Status);
        Assert.Equal(ServingStatus.Serving, grpc.Status);
    }
}
