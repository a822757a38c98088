using System.Text.Json.Nodes;
using Ledger.Network.Besu;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Nethereum.KeyStore;

namespace Ledger.Network.Tests;

public sealed class NetworkJoinTests
{
    private static readonly PublishedNetwork Network = new()
    {
        Network = "unit-test",
        ChainId = 31_337,
        AuthorityRegistry = "0x00000000000000000000000000000000000000aa",
        PermitRegistry = "0x00000000000000000000000000000000000000bb",
        Authorities =
        [
            new PublishedAuthority { Id = "ch", Country = "CH", Account = "0x01", Validator = "0x11" },
            new PublishedAuthority { Id = "fr", Country = "FR", Account = "0x02", Validator = "0x12" },
        ],
    };

    [Fact]
    public void A_newcomer_gets_its_own_keys_settings_and_the_exact_proposal()
    {
        var folder = Directory.CreateTempSubdirectory("join-");
        try
        {
            var newcomer = SampleNetwork.Founder("no", "NO", "NO-MDIR", 0, ("no-customs", AgencyKind.Customs, "NO-TOLL"));
            var keys = KeySource.Seeded("join-test-seed");

            var proposal = NetworkJoin.Generate(Network, newcomer, 2, keys, "pw", folder.FullName);

            var files = new AuthorityFolder(folder.FullName);
            Assert.Equal(keys.Key("authority/no").GetPublicAddress(), proposal.Account);
            Assert.Equal(new NodeIdentity(keys.Key("node/no")).Address, proposal.Node);
            Assert.Equal($"ledger authority propose --address {proposal.Account} --country NO --code NO-MDIR --node {proposal.Node}", proposal.CommandLine);
            Assert.Equal(keys.Key("authority/no-customs").GetPrivateKeyAsBytes(),
                new KeyStoreService().DecryptKeyStoreFromJson("pw", File.ReadAllText(files.Keystore("no-customs"))));

            var settings = JsonNode.Parse(File.ReadAllText(files.GatewaySettings))!;
            var keystores = settings["Chain"]!["Keystores"]!.AsArray().Select(k => (string)k!["Account"]!).ToArray();
            Assert.Equal<string>([proposal.Account, keys.Key("authority/no-customs").GetPublicAddress()], keystores);
            var rpc = settings["Chain"]!["RpcUrls"]!.AsArray().Select(u => (string)u!).ToArray();
            // Its own validator, then its own full node: never another authority's node.
            Assert.Equal<string>(["http://node-no:8545", "http://fullnode-no:8545"], rpc);
            var fullNode = new NodeIdentity(keys.Key("fullnode/no"));
            Assert.NotEqual(proposal.Node, fullNode.Address);
            Assert.Equal(fullNode.PrivateKeyFileText() + "\n", File.ReadAllText(files.FullNodeKey));
            Assert.Contains("host-allowlist=[\"fullnode-no\"", File.ReadAllText(files.FullNodeBesuConfig), StringComparison.Ordinal);
            // Index 2, the first after the two founders: its nodes listen on that index's addresses on its own network.
            Assert.Contains("rpc-http-host=\"172.16.102.10\"\n", File.ReadAllText(files.BesuConfig), StringComparison.Ordinal);
            Assert.Contains("rpc-http-host=\"172.16.102.20\"\n", File.ReadAllText(files.FullNodeBesuConfig), StringComparison.Ordinal);
            Assert.Equal(Network.AuthorityRegistry, (string?)settings["Chain"]!["AuthorityRegistry"]);
            // A real network's gateways are on public addresses: no host is allowed beyond them until its operator lists one.
            Assert.Empty(settings["Peers"]!["AllowedGatewayHosts"]!.AsArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_country_that_already_has_an_issuer_cannot_join_again()
    {
        var duplicate = SampleNetwork.Founder("ch2", "CH", "CH-OTHER", 0);
        Assert.Throws<NetworkDefinitionException>(() => NetworkJoin.Generate(Network, duplicate, 2, KeySource.Seeded("join-test-seed"), "pw", Path.GetTempPath()));
    }

    [Fact]
    public void A_newcomer_beyond_the_address_plan_is_refused_before_any_file_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("join-full-");
        try
        {
            var full = Network with { Authorities = Enumerable.Range(0, NodeAddresses.MaximumAuthorities).Select(i => new PublishedAuthority { Id = $"a{i}", Country = "XX", Account = "0x01", Validator = "0x11" }).ToArray() };
            var newcomer = SampleNetwork.Founder("no", "NO", "NO-MDIR", 0);

            var error = Assert.Throws<NetworkDefinitionException>(() =>
                NetworkJoin.Generate(full, newcomer, NodeAddresses.MaximumAuthorities, KeySource.Seeded("join-test-seed"), "pw", folder.FullName));

            Assert.Contains($"index {NodeAddresses.MaximumAuthorities} is outside the nodes' address plan", error.Message, StringComparison.Ordinal);
            Assert.Contains($"the network's {NodeAddresses.MaximumAuthorities} founders fill it", error.Message, StringComparison.Ordinal);
            Assert.Empty(folder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories));
            // With fewer founders, the plan's last index is a newcomer's.
            Assert.Empty(NewcomerIndex.Check(Network, NodeAddresses.MaximumAuthorities - 1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0, "founder 'ch'")]
    [InlineData(1, "founder 'fr'")]
    [InlineData(-1, "outside the nodes' address plan")]
    public void A_founders_index_or_one_outside_the_plan_is_refused_before_any_file_is_written(int index, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("join-index-");
        try
        {
            var newcomer = SampleNetwork.Founder("no", "NO", "NO-MDIR", 0);

            var error = Assert.Throws<NetworkDefinitionException>(() => NetworkJoin.Generate(Network, newcomer, index, KeySource.Seeded("join-test-seed"), "pw", folder.FullName));

            Assert.Contains($"index {index} is {reason}", error.Message, StringComparison.Ordinal);
            Assert.Empty(folder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Two_newcomers_given_their_own_indices_get_addresses_of_their_own()
    {
        var folders = new[] { Directory.CreateTempSubdirectory("join-a-"), Directory.CreateTempSubdirectory("join-b-") };
        try
        {
            NetworkJoin.Generate(Network, SampleNetwork.Founder("no", "NO", "NO-MDIR", 0), 2, KeySource.Seeded("join-test-seed"), "pw", folders[0].FullName);
            NetworkJoin.Generate(Network, SampleNetwork.Founder("se", "SE", "SE-NV", 0), 3, KeySource.Seeded("join-test-seed"), "pw", folders[1].FullName);

            var hosts = folders.Select(f => File.ReadAllLines(new AuthorityFolder(f.FullName).BesuConfig).Single(l => l.StartsWith("rpc-http-host=", StringComparison.Ordinal))).ToArray();
            Assert.Equal<string>(["rpc-http-host=\"172.16.102.10\"", "rpc-http-host=\"172.16.103.10\""], hosts);
        }
        finally
        {
            foreach (var folder in folders)
                folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_newcomer_whose_ids_are_paths_or_whose_code_is_too_long_is_refused_before_any_file_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("join-refused-");
        try
        {
            var bad = SampleNetwork.Founder("no", "NO", new string('X', 33), 0, ("../../escape", AgencyKind.Customs, "NO-TOLL"));
            var error = Assert.Throws<NetworkDefinitionException>(() => NetworkJoin.Generate(Network, bad, 2, KeySource.Seeded("join-test-seed"), "pw", folder.FullName));
            Assert.Contains("'../../escape'", error.Message, StringComparison.Ordinal);
            Assert.Contains("1 to 32 printable ASCII", error.Message, StringComparison.Ordinal);
            Assert.Empty(folder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
