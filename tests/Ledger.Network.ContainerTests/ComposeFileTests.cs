using System.Diagnostics;
using System.Text.Json.Nodes;
using Ledger.Network.Besu;
using Ledger.Network.ContainerTests.Support;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;

namespace Ledger.Network.ContainerTests;

/// <summary>
/// docker-compose.yml against a chain-config generated from chain-config/network.json, read by
/// docker-compose itself (no engine needed): it mounts only files the generator writes, every
/// one of them, no container gets another authority's files or any officer's or the CA's key,
/// each node's RPC shares a network with its own authority's gateway only, and listens on its
/// address on that network alone (not on p2p, where the other authorities' nodes are); every
/// fixed address and dynamic range is <see cref="NodeAddresses"/>'.
/// </summary>
public sealed class ComposeFileTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("compose-check-");

    public void Dispose() => _root.Delete(recursive: true);

    [ComposeFact]
    public async Task Every_file_the_compose_file_mounts_is_generated_and_each_container_gets_only_its_own_authoritys_files()
    {
        var definition = await GenerateBesideTheComposeFileAsync();

        var report = Run("bash", "-c", "set -o pipefail; docker-compose -f docker-compose.yml config | python3 \"$0\"", Path.Combine(RepositoryFiles.Root, "scripts", "compose-files.py"));

        Assert.True(report.ExitCode == 0, report.Output);
        var mounts = report.Output.Split('\n').Where(line => line.StartsWith("ok ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(mounts);
        foreach (var authority in definition.Authorities.Select(a => a.Id))
        {
            foreach (var service in new[] { $"node-{authority}", $"fullnode-{authority}", $"gateway-{authority}" })
            {
                var own = mounts.Where(line => line.EndsWith($"(service {service}, volume)", StringComparison.Ordinal) && line.Contains("/authorities/", StringComparison.Ordinal)).ToArray();
                Assert.NotEmpty(own);
                Assert.All(own, line => Assert.Contains($"/chain-config/authorities/{authority}/", line, StringComparison.Ordinal));
            }
        }
        Assert.DoesNotContain(mounts, line => line.Contains("/officers/", StringComparison.Ordinal) || line.Contains("/tls/ca.key", StringComparison.Ordinal));
        Assert.Contains(mounts, line => line.Contains($"/authorities/{definition.Authorities[0].Id}/keystores/password.txt (secret ", StringComparison.Ordinal));
        Assert.Contains(", 0 exposed", report.Output, StringComparison.Ordinal);
        // Each authority's second node is mounted its own key, not its validator's.
        foreach (var authority in definition.Authorities.Select(a => a.Id))
            Assert.Contains(mounts, line => line.Contains($"/chain-config/authorities/{authority}/fullnode/key (service fullnode-{authority}, volume)", StringComparison.Ordinal));
    }

    [ComposeFact]
    public async Task Each_nodes_RPC_and_metrics_listen_only_on_its_address_on_its_own_authority_network()
    {
        var definition = await GenerateBesideTheComposeFileAsync();
        var config = ComposeConfig();
        var services = config["services"]!.AsObject();
        var networks = config["networks"]!.AsObject();
        var p2p = networks["p2p"]!["ipam"]!["config"]!.AsArray().Single()!;
        Assert.Equal(NodeAddresses.P2pSubnet, (string?)p2p["subnet"]);
        Assert.Equal(NodeAddresses.P2pDynamicRange, (string?)p2p["ip_range"]);

        for (var i = 0; i < definition.Authorities.Count; i++)
        {
            var id = definition.Authorities[i].Id;
            var own = $"authority-{id}";
            var ipam = networks[own]!["ipam"]!["config"]!.AsArray().Single()!;
            Assert.Equal(NodeAddresses.AuthoritySubnet(i), (string?)ipam["subnet"]);
            Assert.Equal(NodeAddresses.AuthorityDynamicRange(i), (string?)ipam["ip_range"]);
            // Its own two nodes, gateway and Redis, and nobody else's container.
            Assert.Equal(new[] { $"fullnode-{id}", $"gateway-{id}", $"node-{id}", $"redis-{id}" },
                services.Where(service => NetworksOf(service.Value!).Contains(own)).Select(service => service.Key).Order(StringComparer.Ordinal));

            var gateway = services[$"gateway-{id}"]!;
            var settings = JsonNode.Parse(File.ReadAllText(new NetworkLayout(Path.Combine(_root.FullName, "chain-config")).Authority(id).GatewaySettings))!;
            // The gateway's metrics listener binds its fixed address on its own network: its authority's Prometheus scrapes it there, nobody on the gateways network.
            Assert.Equal(NodeAddresses.GatewayOnAuthorityNetwork(i), (string?)gateway["networks"]![own]!["ipv4_address"]);
            Assert.Equal(NodeAddresses.GatewayOnAuthorityNetwork(i), (string?)settings["Observability"]!["MetricsListenAddress"]);
            var rpcUrls = settings["Chain"]!["RpcUrls"]!.AsArray().Select(url => new Uri((string)url!)).ToArray();
            foreach (var (kind, role) in new[] { ("node", BesuNodeRole.Validator), ("fullnode", BesuNodeRole.FullNode) })
            {
                var name = $"{kind}-{id}";
                var node = services[name]!;
                var toml = File.ReadAllText(MountedSource(node, "/config/node/config.toml"));
                var rpcHost = TomlString(toml, "rpc-http-host");
                Assert.NotEqual("0.0.0.0", rpcHost);
                Assert.Equal(NodeAddresses.OnAuthorityNetwork(i, role), rpcHost);
                Assert.Equal((string?)node["networks"]![own]!["ipv4_address"], rpcHost);
                Assert.Equal(rpcHost, TomlString(toml, "metrics-host"));
                // On p2p a validator has the address static-nodes.json names; a full node is dialled by nobody and takes a dynamic one.
                var p2pAddress = (string?)node["networks"]!["p2p"]?["ipv4_address"];
                Assert.Equal(role == BesuNodeRole.Validator ? NodeAddresses.ValidatorOnP2p(i) : null, p2pAddress);
                // The gateway calls the node by its service name; the one network they share is its authority's,
                // so Docker's DNS answers with the address the RPC listens on.
                var url = Assert.Single(rpcUrls, url => url.Host == name);
                Assert.Equal(BesuNodeConfig.RpcPort, url.Port);
                Assert.Equal(new[] { own }, NetworksOf(node).Intersect(NetworksOf(gateway)));
            }
        }
    }

    [ComposeFact]
    public void The_node_health_check_asks_for_readiness_at_the_address_its_config_toml_binds()
    {
        var config = ComposeConfig(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"));
        var test = config["services"]!["node-ch"]!["healthcheck"]!["test"]!.AsArray().Select(part => (string)part!).ToArray();
        Assert.Equal(["CMD", "bash", "-c"], test[..3]);
        // Only 127.0.0.2 listens: a check that asked 127.0.0.1 (or any fixed address) would fail.
        using var node = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Parse("127.0.0.2"), 0);
        node.Start();
        var port = ((System.Net.IPEndPoint)node.LocalEndpoint).Port;
        // Answers one request: 200 to the readiness request, 404 to anything else.
        Task AnswerOnce() => Task.Run(async () =>
        {
            using var client = await node.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            // The whole request, up to the blank line: answering and closing after a first chunk would
            // break the pipe under the check's printf while it still writes the rest.
            var request = new byte[512];
            var read = 0;
            while (read < request.Length && !System.Text.Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var more = await stream.ReadAsync(request.AsMemory(read));
                if (more == 0)
                    break;
                read += more;
            }
            var ready = System.Text.Encoding.ASCII.GetString(request, 0, read).StartsWith("GET /readiness?minPeers=1 HTTP/1.0", StringComparison.Ordinal);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(ready ? "HTTP/1.0 200 OK\r\n\r\n" : "HTTP/1.0 404 Not Found\r\n\r\n"));
        });
        var answered = AnswerOnce();
        // The generator's own config.toml, its node address swapped for the listener's (Build takes no loopback address).
        var address = NodeAddresses.OnAuthorityNetwork(0, BesuNodeRole.Validator);
        var generated = BesuNodeConfig.Build("ch", BesuNodeRole.Validator, "node-ch", address);
        var toml = Path.Combine(_root.FullName, "config.toml");
        File.WriteAllText(toml, generated.Replace(address, "127.0.0.2", StringComparison.Ordinal));
        // As the container runs it: compose turns $$ into $; the file and port are this test's.
        var script = test[3].Replace("$$", "$", StringComparison.Ordinal)
            .Replace("/config/node/config.toml", toml, StringComparison.Ordinal)
            .Replace($"/{BesuNodeConfig.RpcPort}", $"/{port}", StringComparison.Ordinal);

        var healthy = Run("bash", "-c", script);
        Assert.True(answered.Wait(TimeSpan.FromSeconds(5)));
        // An operator's hand edit, valid TOML with spaces around '=' and a comment after: still read.
        answered = AnswerOnce();
        File.WriteAllText(toml, generated.Replace($"rpc-http-host=\"{address}\"", "  rpc-http-host = \"127.0.0.2\"  # edited", StringComparison.Ordinal));
        var spaced = Run("bash", "-c", script);
        File.WriteAllText(toml, generated.Replace(address, "127.0.0.3", StringComparison.Ordinal));
        var elsewhere = Run("bash", "-c", script);
        File.WriteAllText(toml, generated.Replace($"rpc-http-host=\"{address}\"", "", StringComparison.Ordinal));
        var unnamed = Run("bash", "-c", script);

        Assert.True(healthy.ExitCode == 0, healthy.Output);
        Assert.True(spaced.ExitCode == 0, spaced.Output);
        Assert.True(answered.Wait(TimeSpan.FromSeconds(5)));
        Assert.NotEqual(0, elsewhere.ExitCode);
        Assert.NotEqual(0, unnamed.ExitCode);
    }

    [ComposeFact]
    public void The_besu_entrypoint_drops_the_images_listen_everywhere_environment_and_runs_the_images_entry_script()
    {
        var config = ComposeConfig(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"));
        var services = config["services"]!.AsObject().Where(service => service.Key.StartsWith("node-", StringComparison.Ordinal) || service.Key.StartsWith("fullnode-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, services.Length);
        // As the container runs it: compose turns $$ into $. The container tests start the nodes the same way.
        var entrypoints = services.Select(service => service.Value!["entrypoint"]!.AsArray().Select(part => ((string)part!).Replace("$$", "$", StringComparison.Ordinal)).ToArray()).ToArray();
        Assert.All(entrypoints, entrypoint => Assert.Equal(SampleNetworkContainers.BesuEntrypoint, entrypoint));
        var command = services[0].Value!["command"]!.AsArray().Select(part => (string)part!).ToArray();

        // A stand-in for the image's besu-entry.sh, which runs besu with the environment it is given: what reaches it?
        var bin = Directory.CreateDirectory(Path.Combine(_root.FullName, "bin"));
        var entry = Path.Combine(bin.FullName, "besu-entry.sh");
        File.WriteAllText(entry, "#!/bin/bash\necho \"host=${BESU_RPC_HTTP_HOST-unset} data=$BESU_DATA_PATH args=$*\"\n");
        if (!OperatingSystem.IsWindows()) // bash and docker-compose: never Windows, but the analyzer cannot know
            File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(entrypoints[0][0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in entrypoints[0][1..].Concat(command))
            start.ArgumentList.Add(argument);
        start.Environment["PATH"] = bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["BESU_RPC_HTTP_HOST"] = "0.0.0.0"; // what the image's Dockerfile sets
        start.Environment["BESU_DATA_PATH"] = "/var/lib/besu";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal("host=unset data=/var/lib/besu args=--config-file=/config/node/config.toml", output.Trim());
    }

    [ComposeFact]
    public void The_network_check_reports_a_node_whose_RPC_another_authoritys_gateway_reaches()
    {
        // The shape this file had with a shared rpc-fallback network; nodes meeting on p2p are fine.
        var configFile = Path.Combine(_root.FullName, "config.yml");
        File.WriteAllText(configFile, """
            services:
              node-ch: { networks: { p2p: {}, authority-ch: {}, rpc-fallback: {} } }
              node-fr: { networks: { p2p: {}, authority-fr: {} } }
              redis-fr: { networks: { authority-fr: {} } }
              gateway-ch: { networks: { authority-ch: {}, rpc-fallback: {}, gateways: {} } }
              gateway-fr: { networks: { authority-fr: {}, rpc-fallback: {}, gateways: {} } }
            """);

        var report = Run("bash", "-c", "python3 \"$0\" < \"$1\"", Path.Combine(RepositoryFiles.Root, "scripts", "compose-files.py"), configFile);

        Assert.Equal(1, report.ExitCode);
        var exposed = report.Output.Split('\n').Where(line => line.StartsWith("EXPOSED ", StringComparison.Ordinal)).ToArray();
        Assert.Equal<string>(["EXPOSED node-ch to gateway-fr on rpc-fallback"], exposed);
    }

    [ComposeFact]
    public void The_compose_file_names_the_p2p_addresses_that_static_nodes_use()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"));
        var definition = NetworkDefinitionFile.Read(Path.Combine(RepositoryFiles.ChainConfig, "network.json"));
        for (var i = 0; i < definition.Authorities.Count; i++)
            Assert.Contains($"ipv4_address: {NodeAddresses.ValidatorOnP2p(i)}\n", compose, StringComparison.Ordinal);
        Assert.Contains($"subnet: {NodeAddresses.P2pSubnet}\n          ip_range: {NodeAddresses.P2pDynamicRange}\n", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("rpc-fallback", compose, StringComparison.Ordinal);
        Assert.Equal(0, Run("docker-compose", "-f", Path.Combine(RepositoryFiles.Root, "docker-compose.yml"), "config", "-q").ExitCode);
    }

    // A chain-config generated from the committed network.json, with docker-compose.yml beside it (and src/, its build context).
    private async Task<NetworkDefinition> GenerateBesideTheComposeFileAsync()
    {
        var definition = NetworkDefinitionFile.Read(Path.Combine(RepositoryFiles.ChainConfig, "network.json"));
        await new NetworkGenerator(new LayoutOnlyGenesisState()).GenerateAsync(definition, new NetworkLayout(Path.Combine(_root.FullName, "chain-config")),
            KeySource.Seeded(definition.DevnetSeed!), CancellationToken.None);
        File.Copy(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"), Path.Combine(_root.FullName, "docker-compose.yml"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "src"), Path.Combine(RepositoryFiles.Root, "src"));
        return definition;
    }

    // The compose file as docker-compose reads it (anchors merged, paths absolute), as JSON.
    private JsonNode ComposeConfig(string file = "docker-compose.yml")
    {
        var json = Path.Combine(_root.FullName, "compose-config.json");
        var config = Run("bash", "-c", "set -o pipefail; docker-compose -f \"$0\" config | python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)' > \"$1\"", file, json);
        Assert.True(config.ExitCode == 0, config.Output);
        return JsonNode.Parse(File.ReadAllText(json))!;
    }

    private static string[] NetworksOf(JsonNode service) => service["networks"] switch
    {
        JsonObject map => map.Select(network => network.Key).ToArray(),
        JsonArray list => list.Select(network => (string)network!).ToArray(),
        _ => [],
    };

    // The host file mounted at target: "SOURCE:TARGET[:MODE]" (docker-compose 1.x) or {source, target} (2.x).
    private static string MountedSource(JsonNode service, string target) => service["volumes"]!.AsArray()
        .Select(volume => volume is JsonObject mount ? (Source: (string)mount["source"]!, Target: (string)mount["target"]!) : SourceAndTarget((string)volume!))
        .Single(mount => mount.Target == target).Source;

    private static (string Source, string Target) SourceAndTarget(string volume)
    {
        var parts = volume.Split(':');
        return (parts[0], parts[1]);
    }

    // A key = "string" line of config.toml as the generator writes it.
    private static string TomlString(string toml, string key)
    {
        var line = Assert.Single(toml.Split('\n'), line => line.StartsWith(key + "=", StringComparison.Ordinal));
        return line[(key.Length + 1)..].Trim('"');
    }

    private (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root.FullName };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }

    // The genesis state is not what this test is about (its builder lands with another branch):
    // two fixed addresses and an empty alloc are enough for every file to be written where it belongs.
    private sealed class LayoutOnlyGenesisState : IGenesisStateBuilder
    {
        public Task<GenesisState> BuildAsync(NetworkDefinition network, NetworkKeys keys, CancellationToken cancellationToken) =>
            Task.FromResult(new GenesisState("0x" + new string('a', 40), "0x" + new string('b', 40), new Dictionary<string, GenesisAccount>()));
    }
}
