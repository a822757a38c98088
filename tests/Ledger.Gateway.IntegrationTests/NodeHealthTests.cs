using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>The gRPC health service follows the node: SERVING while it answers, NOT_SERVING once it is gone.</summary>
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

    [Fact]
    public async Task Health_turns_not_serving_when_the_node_stops_answering()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
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
        });
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var health = new HealthClient(channel);

        await Eventually.TrueAsync(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == ServingStatus.Serving,
            TimeSpan.FromSeconds(10), "health says SERVING with the node up");
        await _devnet.DisposeAsync();
        _devnet = null;

        await Eventually.TrueAsync(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == ServingStatus.NotServing,
            TimeSpan.FromSeconds(15), "health says NOT_SERVING with the node gone");
        Assert.Contains(gateway.Logs.Entries, e => e.Message.Contains("No node answers"));
    }
}
