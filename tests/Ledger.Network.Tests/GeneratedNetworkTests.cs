using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Permits;
using Ledger.Core.Primitives;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Genesis;
using Ledger.Network.Keys;
using Ledger.Processes;
using Ledger.Testing;
using Nethereum.JsonRpc.Client;

namespace Ledger.Network.Tests;

/// <summary>
/// The committed chain-config/ is exactly what `ledger network generate` makes from its
/// network.json, and anvil booted from its genesis holds the founders, their agencies and their
/// validator nodes, read back through the contracts' own views.
/// </summary>
public sealed class GeneratedNetworkTests
{
    private static readonly NetworkLayout Committed = new(Path.Combine(ToolPaths.RepositoryRoot, "chain-config"));

    [Fact]
    public async Task Regenerating_the_sample_network_reproduces_the_committed_files_byte_for_byte()
    {
        var scratch = Directory.CreateTempSubdirectory("chain-config-");
        try
        {
            File.Copy(Committed.Definition, Path.Combine(scratch.FullName, "network.json"));
            var network = NetworkDefinitionFile.Read(Committed.Definition);
            // The dev CA's certificates carry the day they were issued: regenerate as of that day.
            using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Committed.Root, "tls", "ca.crt")));
            var issued = new FixedClock(new DateTimeOffset(ca.NotBefore.ToUniversalTime(), TimeSpan.Zero));
            await new NetworkGenerator(new AnvilGenesisStateBuilder(), issued)
                .GenerateAsync(network, new NetworkLayout(scratch.FullName), KeySource.Seeded(network.DevnetSeed!), default);

            // Every file under chain-config/ but network.json must be generated: a stale extra one (say an
            // authority removed from network.json) fails here as much as a changed one.
            var generated = Files(scratch.FullName);
            Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), Files(Committed.Root).Keys.Order(StringComparer.Ordinal));
            foreach (var (path, text) in generated)
                Assert.True(text == File.ReadAllText(Path.Combine(Committed.Root, path)),
                    $"chain-config/{path} differs from what `ledger network generate` makes now: regenerate and commit it.");
            // Git keeps no file modes but 644/755: the secret's mode is checked where it is written.
            var documentKeys = network.Authorities.Select(a => new NetworkLayout(scratch.FullName).Authority(a.Id).DocumentKey).ToArray();
            foreach (var key in documentKeys)
            {
                if (!OperatingSystem.IsWindows())
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
            Assert.All(documentKeys, key => Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(key).Trim()).Length));
            Assert.Equal(documentKeys.Length, documentKeys.Select(File.ReadAllText).Distinct().Count());
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Anvil_booted_from_the_genesis_holds_every_founder_agency_and_validator_and_a_vote_admits_one_more()
    {
        var network = NetworkDefinitionFile.Read(Committed.Definition);
        var keys = NetworkKeys.Draw(network, KeySource.Seeded(network.DevnetSeed!));
        var registries = PublishedNetwork.Read(Committed.Registries);
        await using var anvil = await AnvilNode.StartAsync(blockTime: null, genesisFile: Committed.Genesis, default);
        var client = new RpcClient(anvil.RpcUrl);
        var authorities = new AuthorityRegistryContract(Address.Parse(registries.AuthorityRegistry), client);

        Assert.Equal(Address.Parse(registries.AuthorityRegistry),
            await new PermitRegistryContract(Address.Parse(registries.PermitRegistry), client).AuthorityRegistryAsync());
        var validatorsAtGenesis = await authorities.GetValidatorsAsync();
        Assert.Equal(keys.Authorities.Select(a => a.Node.Address.ToLowerInvariant()).Order(), validatorsAtGenesis.Select(v => v.ToLowerHex()).Order());
        // Each authority's second node is a full node only: its key is in no validator set.
        Assert.All(keys.Authorities, founder => Assert.DoesNotContain(Address.Parse(founder.FullNode.Address), validatorsAtGenesis));
        foreach (var founder in keys.Authorities)
        {
            var record = await authorities.AuthorityOfAsync(Address.Parse(founder.Account.GetPublicAddress()));
            Assert.Equal((AuthorityKind.Issuer, AuthorityStatus.Active, founder.Definition.Country, founder.Definition.Code),
                (record.Kind, record.Status, record.Country.ToString(), AuthorityCode.TryGetText(record.Code)));
            Assert.Equal(Address.Parse(founder.Node.Address), await authorities.NodeOfAsync(Address.Parse(founder.Account.GetPublicAddress())));
            foreach (var (agency, key) in founder.Agencies)
            {
                var designated = await authorities.AuthorityOfAsync(Address.Parse(key.GetPublicAddress()));
                Assert.Equal((AuthorityKind.Customs, AuthorityStatus.Active, founder.Definition.Country, agency.Code),
                    (designated.Kind, designated.Status, designated.Country.ToString(), AuthorityCode.TryGetText(designated.Code)));
            }
        }

        // A newcomer is proposed by CH and voted in by FR and DE (3 of 4): its node validates from then on.
        var chainId = network.ChainId;
        var newcomer = KeySource.Seeded("admission-test");
        var (account, node) = (Address.Parse(newcomer.Key("authority/no").GetPublicAddress()), Address.Parse(new NodeIdentity(newcomer.Key("node/no")).Address));
        var options = new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20), MaxPriorityFeePerGas = 0 };
        AuthorityRegistryContract As(int founder) =>
            new(authorities.Address, client, new TransactionSender(client, keys.Authorities[founder].Account, chainId, options));
        var proposal = await As(0).ProposeIssuerAsync(account, CountryBytes.FromCode("NO"), AuthorityCode.FromText("NO-MDIR"), node);
        Assert.False((await As(1).VoteAsync(proposal.Value)).Value);
        Assert.True((await As(2).VoteAsync(proposal.Value)).Value);
        Assert.Contains(node, await authorities.GetValidatorsAsync());
        Assert.Equal(5UL, await authorities.ValidatorCountAsync());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(root, path) != "network.json")
            .ToDictionary(path => Path.GetRelativePath(root, path), File.ReadAllText);
}
