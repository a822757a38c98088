using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Gateway.Health;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Ledger.Gateway.Tests.Health;

/// <summary>
/// The Redis check of a running gateway against a real redis-server that the test stops and
/// starts again: healthy, degraded while Redis is down, healthy once it is back. Degraded, not
/// unhealthy, by design: the gateway keeps serving from the chain without Redis, so the gRPC
/// health answer stays SERVING and no orchestrator takes a working gateway out of service.
/// </summary>
public sealed class RedisHealthCheckTests : IRequiresRedis, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [StoreFact]
    public async Task Redis_stopped_is_degraded_and_back_is_healthy_while_grpc_health_stays_serving()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:ListenAddress"] = "127.0.0.1",
            ["Gateway:Port"] = "0",
            ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
            ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            ["Redis:Configuration"] = redis.Configuration,
        }, inProcess: true);
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        using var channel = GrpcChannel.ForAddress(host.TestServer.BaseAddress, new GrpcChannelOptions { HttpHandler = host.TestServer.CreateHandler() });
        var health = new HealthClient(channel);

        await Eventually.TrueAsync(async () => await RedisStatusAsync(checks) == HealthStatus.Healthy, Patience, "Redis healthy while it runs");
        await redis.StopAsync();
        await Eventually.TrueAsync(async () => await RedisStatusAsync(checks) == HealthStatus.Degraded, Patience, "Redis degraded once stopped");
        var whileDown = await checks.CheckHealthAsync();
        var grpcWhileDown = await health.CheckAsync(new HealthCheckRequest());
        await redis.StartAgainAsync();
        await Eventually.TrueAsync(async () => await RedisStatusAsync(checks) == HealthStatus.Healthy, Patience, "Redis healthy once started again");

        Assert.Contains("Redis does not answer", whileDown.Entries[HealthServiceCollectionExtensions.RedisCheckName].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, whileDown.Status);
        Assert.Equal(ServingStatus.Serving, grpcWhileDown.Status);
    }

    private static async Task<HealthStatus> RedisStatusAsync(HealthCheckService checks) =>
        (await checks.CheckHealthAsync(r => r.Name == HealthServiceCollectionExtensions.RedisCheckName)).Entries[HealthServiceCollectionExtensions.RedisCheckName].Status;
}
