using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Processes;
using Ledger.Testing;
using Nethereum.JsonRpc.Client;

namespace Ledger.Network.Tests;

/// <summary>
/// A newcomer's index read from the chain (`ledger network join --rpc`): registries.json lists
/// only the founders, so each newcomer proposed must move the next index on, or two newcomers
/// would take the same addresses.
/// </summary>
public sealed class NewcomerIndexTests
{
    private static readonly NetworkLayout Committed = new(Path.Combine(ToolPaths.RepositoryRoot, "chain-config"));

    [Fact]
    public async Task Each_newcomer_proposed_moves_the_next_index_on_and_keeps_its_own_once_admitted()
    {
        var network = NetworkDefinitionFile.Read(Committed.Definition);
        var founders = NetworkKeys.Draw(network, KeySource.Seeded(network.DevnetSeed!)).Authorities;
        var registries = PublishedNetwork.Read(Committed.Registries);
        await using var anvil = await AnvilNode.StartAsync(blockTime: null, genesisFile: Committed.Genesis, default);
        var client = new RpcClient(anvil.RpcUrl);
        var options = new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20), MaxPriorityFeePerGas = 0 };
        AuthorityRegistryContract As(int founder) =>
            new(Address.Parse(registries.AuthorityRegistry), client, new TransactionSender(client, founders[founder].Account, network.ChainId, options));
        var newcomers = KeySource.Seeded("newcomer-index-test");
        async Task<ulong> ProposeAsync(string id, string country) => (await As(0).ProposeIssuerAsync(
            Address.Parse(newcomers.Key($"authority/{id}").GetPublicAddress()), CountryBytes.FromCode(country), AuthorityCode.FromText(id.ToUpperInvariant() + "-MA"),
            Address.Parse(new NodeIdentity(newcomers.Key($"node/{id}")).Address))).Value;

        var first = await NewcomerIndex.ReadAsync(registries, client, default);
        var norway = await ProposeAsync("no", "NO");
        var second = await NewcomerIndex.ReadAsync(registries, client, default);
        await As(1).VoteAsync(norway);
        await As(2).VoteAsync(norway);
        var afterAdmission = await NewcomerIndex.ReadAsync(registries, client, default);
        await ProposeAsync("se", "SE");
        var third = await NewcomerIndex.ReadAsync(registries, client, default);

        Assert.Equal(registries.Authorities.Count, first);
        Assert.Equal(first + 1, second);
        Assert.Equal(second, afterAdmission);
        Assert.Equal(second + 1, third);
        Assert.All(new[] { first, second, third }, index => Assert.Empty(NewcomerIndex.Check(registries, index)));
    }

    [Fact]
    public async Task A_node_of_another_chain_is_refused()
    {
        var registries = PublishedNetwork.Read(Committed.Registries);
        await using var anvil = await AnvilNode.StartAsync(blockTime: null, genesisFile: Committed.Genesis, default);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            NewcomerIndex.ReadAsync(registries with { ChainId = registries.ChainId + 1 }, new RpcClient(anvil.RpcUrl), default));

        Assert.Contains($"the node is on chain {registries.ChainId}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_is_an_io_error()
    {
        var registries = PublishedNetwork.Read(Committed.Registries);

        await Assert.ThrowsAsync<IOException>(() =>
            NewcomerIndex.ReadAsync(registries, new RpcClient(new Uri($"http://127.0.0.1:{FreePort.Next()}/")), default));
    }
}
