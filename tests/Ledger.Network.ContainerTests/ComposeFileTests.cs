using System.Diagnostics;
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
/// and each node's RPC shares a network with its own authority's gateway only.
/// </summary>
public sealed class ComposeFileTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("compose-check-");

    public void Dispose() => _root.Delete(recursive: true);

    [ComposeFact]
    public async Task Every_file_the_compose_file_mounts_is_generated_and_each_container_gets_only_its_own_authoritys_files()
    {
        var definition = NetworkDefinitionFile.Read(Path.Combine(RepositoryFiles.ChainConfig, "network.json"));
        await new NetworkGenerator(new LayoutOnlyGenesisState()).GenerateAsync(definition, new NetworkLayout(Path.Combine(_root.FullName, "chain-config")),
            KeySource.Seeded(definition.DevnetSeed!), CancellationToken.None);
        File.Copy(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"), Path.Combine(_root.FullName, "docker-compose.yml"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "src"), Path.Combine(RepositoryFiles.Root, "src"));

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
            Assert.Contains($"ipv4_address: {NetworkGenerator.P2pSubnetPrefix}{10 + i}", compose, StringComparison.Ordinal);
        Assert.Contains($"subnet: {NetworkGenerator.P2pSubnetPrefix}0/24", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("rpc-fallback", compose, StringComparison.Ordinal);
        Assert.Equal(0, Run("docker-compose", "-f", Path.Combine(RepositoryFiles.Root, "docker-compose.yml"), "config", "-q").ExitCode);
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
