using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>The Devnet-mode host in process (TestServer): health, reflection, the startup warning and its guard rails.</summary>
public sealed class DevnetHostTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Settings(string listenAddress = "127.0.0.1") => new()
    {
        ["Gateway:Mode"] = "Devnet",
        ["Gateway:ListenAddress"] = listenAddress,
        ["Gateway:Port"] = "0",
        ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
        ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
    };

    private static GrpcChannel Channel(GatewayHost host) =>
        GrpcChannel.ForAddress(host.TestServer.BaseAddress, new GrpcChannelOptions { HttpHandler = host.TestServer.CreateHandler() });

    [Fact]
    public async Task The_health_service_answers_serving()
    {
        await using var host = await GatewayHost.StartAsync(Settings(), inProcess: true);
        using var channel = Channel(host);

        var response = await new HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_mapped_services()
    {
        await using var host = await GatewayHost.StartAsync(Settings(), inProcess: true);
        using var channel = Channel(host);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();

        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
    }

    [Fact]
    public async Task Devnet_mode_warns_loudly_once_started()
    {
        await using var host = await GatewayHost.StartAsync(Settings(), inProcess: true);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("DEVNET MODE") && e.Message.Contains("NOTHING"));
    }

    [Fact]
    public async Task Devnet_mode_refuses_to_start_on_a_non_loopback_address()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(Settings("0.0.0.0"), inProcess: true));

        Assert.Contains("may only listen on a loopback address", error.Message);
    }
}
