using System.Diagnostics;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Network.Tls;
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
        var environment = AsEnvironment(network.Settings.Where(setting => setting.Key != "Gateway:Port"))
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
    public async Task In_production_mode_the_probe_passes_over_mutual_tls_with_the_gateways_own_certificate_and_fails_without_it()
    {
        // The image's HEALTHCHECK, outside a container: the dev CA's files, the gateway in Production mode on the devnet's chain.
        var tls = Path.Combine(published.Folder.FullName, "tls-" + Guid.NewGuid().ToString("N")[..8]);
        var definition = NetworkDefinitionFile.Read(Path.Combine(PublishedGateway.RepositoryRoot(), "chain-config", "network.json"));
        var keys = KeySource.Seeded(definition.DevnetSeed!);
        var layout = new NetworkLayout(tls);
        var clients = DevTlsFiles.Write(definition, layout, NetworkKeys.Draw(definition, keys), keys, DateTimeOffset.UtcNow);
        var id = definition.Authorities[0].Id;
        var folder = layout.Authority(id);
        var port = FreePort.Next();
        string[] settings =
        [
            "Gateway__Mode=Production", "Gateway__ListenAddress=127.0.0.1", $"Gateway__Port={port}",
            $"Tls__ServerCertificateFile={folder.GatewayCertificate}", $"Tls__ServerKeyFile={folder.GatewayKey}", $"Tls__TrustedCaFiles__0={folder.TrustedCa}",
            .. clients[id].SelectMany((client, i) => new[]
            {
                $"Identity__Clients__{i}__IssuerThumbprintSha256={client.IssuerThumbprintSha256}", $"Identity__Clients__{i}__Subject={client.Subject}",
                $"Identity__Clients__{i}__Authority={client.Authority}", $"Identity__Clients__{i}__Role={client.Role}",
            }),
            .. AsEnvironment(OneAuthoritysChainSettings("ch-issuer.json", "ch-customs.json")),
            // The document key chain-config/ holds for this authority (a Production gateway refuses to start without one).
            $"Documents__KeyFiles__initial={new NetworkLayout(Path.Combine(PublishedGateway.RepositoryRoot(), "chain-config")).Authority(id).DocumentKey}", $"Documents__SqlitePath={Path.Combine(tls, "documents.sqlite")}",
            "ASPNETCORE_ENVIRONMENT=Production", $"ASPNETCORE_CONTENTROOT={Path.Combine(published.Folder.FullName, "gateway")}",
        ];
        await using var gateway = await GuardedProcess.StartAsync("env", [.. settings, "dotnet", Path.Combine(published.Folder.FullName, "gateway", "Ledger.Gateway.dll")],
            line => line.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromMinutes(1));

        var (withCertificate, output) = await ProbeAsync($"https://localhost:{port}", "--cert", folder.GatewayCertificate, "--key", folder.GatewayKey, "--ca", folder.TrustedCa);
        var (withoutCertificate, refused) = await ProbeAsync($"https://localhost:{port}", "--ca", folder.TrustedCa);

        Assert.True(withCertificate == 0, "probe with the gateway's certificate: " + output);
        Assert.True(withoutCertificate == 1, "probe without a client certificate: " + refused);
    }

    [Fact]
    public async Task The_health_probe_fails_where_no_gateway_answers()
    {
        var (probe, output) = await ProbeAsync(FreePort.ClosedEndpoint().ToString().TrimEnd('/'));
        Assert.True(probe == 1, "health probe: " + output);
    }

    // Configuration keys as a container gets them: environment variables with "__" for ":".
    private static IEnumerable<string> AsEnvironment(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Select(setting => $"{setting.Key.Replace(":", "__", StringComparison.Ordinal)}={setting.Value}");

    private async Task<(int ExitCode, string Output)> ProbeAsync(string url, params string[] tls) =>
        await PublishedGateway.RunAsync("dotnet", [Path.Combine(_out.FullName, "probe", "ledger-health-probe.dll"), "--url", url, "--timeout", "5", .. tls], TimeSpan.FromSeconds(60));


    // A production gateway holds only its own authority's keys (the fixture's one gateway plays every
    // country through a test-only option that Production refuses): the Chain section with CH's keystores alone.
    private IEnumerable<KeyValuePair<string, string?>> OneAuthoritysChainSettings(params string[] keystoreFiles)
    {
        var chain = network.Settings.Where(setting => setting.Key.StartsWith("Chain:", StringComparison.Ordinal)
            && !setting.Key.StartsWith("Chain:Keystores:", StringComparison.Ordinal)
            && setting.Key != "Chain:TestOnlyAllowKeysOfSeveralCountries").ToList();
        var entries = network.Settings.Where(setting => setting.Key.StartsWith("Chain:Keystores:", StringComparison.Ordinal) && setting.Key.EndsWith(":KeystorePath", StringComparison.Ordinal)
                && keystoreFiles.Any(file => setting.Value?.EndsWith("/" + file, StringComparison.Ordinal) == true))
            .Select(setting => setting.Key[..^":KeystorePath".Length]).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var field in new[] { "Account", "KeystorePath", "PasswordFile" })
                chain.Add(new($"Chain:Keystores:{i}:{field}", network.Settings[$"{entries[i]}:{field}"]));
        }
        return chain;
    }

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

    /// <summary>The folder holding Ledger.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ledger.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("Ledger.sln not found above " + AppContext.BaseDirectory);
    }
}
