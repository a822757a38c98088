using System.IO.Compression;
using System.Text.Json;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Deployment;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Network.Besu;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Processes;
using Nethereum.JsonRpc.Client;
using Nethereum.Signer;

namespace Ledger.Network.Genesis;

/// <summary>
/// Computes the registries' genesis state by running the contracts themselves on a scratch
/// anvil: the throw-away builder key deploys them with the founders (and their nodes) in the
/// constructor, each founder designates its own agencies with its own key, and the code and
/// storage of both contracts are copied out of anvil's state dump, immutables included. No
/// slot number is written by hand, and the builder key ends up nowhere in the state.
/// </summary>
public sealed class AnvilGenesisStateBuilder : IGenesisStateBuilder
{
    private static readonly TransactionSenderOptions ScratchSending = new()
    {
        ReceiptPollInterval = TimeSpan.FromMilliseconds(20),
        MaxPriorityFeePerGas = 0,
    };

    /// <inheritdoc />
    public async Task<GenesisState> BuildAsync(NetworkDefinition network, NetworkKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(keys);
        await using var anvil = await AnvilNode.StartAsync(blockTime: null, genesisFile: null, cancellationToken).ConfigureAwait(false);
        var client = new RpcClient(anvil.RpcUrl);
        var chainId = (ulong)(await new Nethereum.Web3.Web3(client).Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value;

        var founders = keys.Authorities.Select(founder => new FoundingIssuer(
            Address.Parse(founder.Account.GetPublicAddress()),
            CountryBytes.FromCode(founder.Definition.Country),
            AuthorityCode.FromText(founder.Definition.Code),
            Address.Parse(founder.Node.Address))).ToArray();
        var record = await new LedgerDeployer(client, Sender(client, keys.GenesisBuilder, chainId)).DeployAsync(founders, cancellationToken).ConfigureAwait(false);

        foreach (var founder in keys.Authorities)
        {
            var registry = record.BindAuthorityRegistry(client, Sender(client, founder.Account, chainId));
            foreach (var (agency, key) in founder.Agencies)
                await registry.DesignateAsync(Address.Parse(key.GetPublicAddress()), (AuthorityKind)(byte)agency.Kind, AuthorityCode.FromText(agency.Code), cancellationToken)
                    .ConfigureAwait(false);
        }

        var registries = new[] { record.AuthorityRegistry.Address, record.PermitRegistry.Address };
        var alloc = await ReadAccountsAsync(client, registries, cancellationToken).ConfigureAwait(false);
        return new GenesisState(record.AuthorityRegistry.Address.ToLowerHex(), record.PermitRegistry.Address.ToLowerHex(), alloc);
    }

    private static TransactionSender Sender(IClient client, EthECKey key, ulong chainId) => new(client, key, chainId, ScratchSending);

    // anvil_dumpState answers hex of gzip of JSON: { "accounts": { address: { nonce, code, storage } } }.
    private static async Task<IReadOnlyDictionary<string, GenesisAccount>> ReadAccountsAsync(IClient client, IReadOnlyList<Address> wanted, CancellationToken cancellationToken)
    {
        var dump = await client.SendRequestAsync<string>("anvil_dumpState").ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var gzip = new GZipStream(new MemoryStream(Convert.FromHexString(dump.AsSpan(2))), CompressionMode.Decompress);
        using var state = await JsonDocument.ParseAsync(gzip, cancellationToken: cancellationToken).ConfigureAwait(false);
        var accounts = state.RootElement.GetProperty("accounts");
        var alloc = new Dictionary<string, GenesisAccount>(StringComparer.Ordinal);
        foreach (var address in wanted)
        {
            var key = address.ToLowerHex();
            if (!accounts.TryGetProperty(key, out var account))
                throw new InvalidOperationException($"The scratch chain's state has no account {key}: the deployment did not land.");
            var storage = account.GetProperty("storage").EnumerateObject()
                .Select(slot => (Slot: Word(slot.Name), Value: Word(slot.Value.GetString()!)))
                .Where(slot => slot.Value != Word("0x0"))
                .ToDictionary(slot => slot.Slot, slot => slot.Value, StringComparer.Ordinal);
            alloc[key] = new GenesisAccount(account.GetProperty("code").GetString()!, storage, account.GetProperty("nonce").GetUInt64());
        }
        return alloc;
    }

    // A storage key or value as a full 32-byte word, "0x" + 64 lower-case hex digits (anvil trims leading zeros).
    private static string Word(string hex) => "0x" + hex[2..].ToLowerInvariant().PadLeft(64, '0');
}
