using System.Diagnostics;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Processes;
using Ledger.Testing;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The gateway as its container image ships it: published by scripts/publish-gateway.sh (the
/// very script the Dockerfile runs), started from the published folder with `dotnet`, and
/// asked by the published health probe (the image's HEALTHCHECK) and by gRPC clients. It runs
/// against the shared devnet with the same settings as the in-process gateway, given as
/// environment variables, as a container would get them.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class PublishedGatewayTests(LedgerNetworkFixture network, PublishedGateway published) : IAsyncLifetime, IClassFixture<PublishedGateway>
{
    private readonly DirectoryInfo _out = published.Folder;
    private GuardedProcess? _gateway;
    private int _port;

    public async Task InitializeAsync()
    {
        _port = FreePort.Next();
        var environment = network.Settings
            .Where(setting => setting.Key != "Gateway:Port")
            .Select(setting => $"{setting.Key.Replace(":", "__", StringComparison.Ordinal)}={setting.Value}")
            .Append($"Gateway__Port={_port}")
            .Append("ASPNETCORE_ENVIRONMENT=Devnet")
            .Append($"ASPNETCORE_CONTENTROOT={Path.Combine(_out.FullName, "gateway")}");
        _gateway = await GuardedProcess.StartAsync("env",
            [.. environment, "dotnet", Path.Combine(_out.FullName, "gateway", "Ledger.Gateway.dll")],
            line => line.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task The_published_gateway_answers_its_health_probe_and_a_registration_verifies_through_it()
    {
        var (probe, output) = await ProbeAsync($"http://127.0.0.1:{_port}");
        Assert.True(probe == 0, "health probe: " + output);
        Assert.Contains("Serving", output, StringComparison.Ordinal);

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
        var permits = new PermitService.PermitServiceClient(channel);
        var permitId = Permits.NewId();
        var registered = await permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var verified = await permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));

        Assert.False(registered.Receipt.Replayed);
        Assert.Equal(VerificationStatus.Valid, verified.Status);
        // The in-process gateway on the same chain sees the same permit: the published one wrote to the chain, not to itself.
        var elsewhere = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, elsewhere.Status);
    }

    [Fact]
    public async Task The_health_probe_fails_where_no_gateway_answers()
    {
        var (probe, output) = await ProbeAsync(FreePort.ClosedEndpoint().ToString().TrimEnd('/'));
        Assert.True(probe == 1, "health probe: " + output);
    }

    private async Task<(int ExitCode, string Output)> ProbeAsync(string url) =>
        await PublishedGateway.RunAsync("dotnet", [Path.Combine(_out.FullName, "probe", "ledger-health-probe.dll"), "--url", url, "--timeout", "5"], TimeSpan.FromSeconds(60));

}

/// <summary>The gateway and its health probe published once for the class, by the script the Dockerfile runs.</summary>
public sealed class PublishedGateway : IAsyncLifetime
{
    /// <summary>The publish output: gateway/ and probe/.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("ledger-published-");

    public async Task InitializeAsync()
    {
        var publish = await RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "publish-gateway.sh"), Folder.FullName], TimeSpan.FromMinutes(9));
        Assert.True(publish.ExitCode == 0, "publish failed:\n" + publish.Output);
    }

    public Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="program"/> to its end; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ledger.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("Ledger.sln not found above " + AppContext.BaseDirectory);
    }
}
