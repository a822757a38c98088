using System.Text.Json.Nodes;
using Ledger.Network.Besu;
using Ledger.Network.Definition;
using Ledger.Network.Keys;
using Ledger.Network.Tls;

namespace Ledger.Network.Generation;

/// <summary>
/// Generates a chain-config folder from its network definition: the genesis (with the
/// registries' state computed by an <see cref="IGenesisStateBuilder"/>), the static nodes,
/// and per authority its node key, keystores, Besu config and gateway settings. A devnet
/// (seeded) definition generates the same bytes every time, except that its dev CA's
/// certificates (chain-config/tls/, authorities/*/tls/) and the CA fingerprint in the gateway
/// settings carry the UTC day of generation (<see cref="IsDatedFile"/>).
/// </summary>
/// <param name="genesisState">Computes the registries' genesis state.</param>
/// <param name="clock">Dates the dev certificates; the system clock when null.</param>
public sealed class NetworkGenerator(IGenesisStateBuilder genesisState, TimeProvider? clock = null)
{
    /// <summary>Genesis time of every generated network: fixed so that regeneration is reproducible (2026-01-01T00:00:00Z).</summary>
    public const ulong GenesisTimestamp = 1_767_225_600;

    /// <summary>The password of every devnet keystore (public on purpose: a devnet's keys are public anyway).</summary>
    public const string DevnetKeystorePassword = "devnet-password-not-secret";

    /// <summary>Generates everything into <paramref name="layout"/> and returns the network's keys and state.</summary>
    public async Task<GeneratedNetwork> GenerateAsync(NetworkDefinition network, NetworkLayout layout, KeySource keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(keys);
        if (!network.IsDevnet)
            throw new NetworkDefinitionException(
                "Only a devnet (devnetSeed set) is generated in one place. A real network's authorities each generate their own keys " +
                "on their own machines (`ledger network join`) and share only addresses and enodes.");
        var drawn = NetworkKeys.Draw(network, keys);
        var state = await genesisState.BuildAsync(network, drawn, cancellationToken).ConfigureAwait(false);

        GeneratedFiles.Write(layout.Genesis, QbftGenesis.Build(network, state.AuthorityRegistry, state.Alloc, GenesisTimestamp));
        GeneratedFiles.Write(layout.StaticNodes, StaticNodes(drawn));
        GeneratedFiles.Write(layout.Registries, Registries(network, drawn, state));
        var clients = DevTlsFiles.Write(network, layout, drawn, keys, (clock ?? TimeProvider.System).GetUtcNow());
        for (var index = 0; index < drawn.Authorities.Count; index++)
        {
            var authority = drawn.Authorities[index];
            var id = authority.Definition.Id;
            var accounts = authority.Agencies.Select(a => (a.Agency.Id, a.Key)).Prepend((id, authority.Account)).ToArray();
            AuthorityFilesWriter.Write(layout.Authority(id), id, index, authority.Node, authority.FullNode, accounts, keys, DevnetKeystorePassword, writePassword: true,
                KeystoreWriter.Light, state.Addresses, GatewaySettingsFile.ReceiptTimeout(network), clients[id],
                authorityNetworkIsPrivate: true,
                peerGatewayHosts: drawn.Authorities.Select(other => other.Definition.Id).Where(other => other != id).Select(GatewayHost));
        }
        return new GeneratedNetwork(network, drawn, state);
    }

    /// <summary>
    /// True for the generated files that depend on the day of generation as well as the seed:
    /// the dev CA's and leaf certificates (their validity starts that day) and the gateway
    /// settings (they name the CA's fingerprint). Keys, also TLS keys, depend on the seed alone.
    /// </summary>
    /// <param name="relativePath">A path under chain-config/, with '/' separators.</param>
    public static bool IsDatedFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.EndsWith(".crt", StringComparison.Ordinal) || relativePath.EndsWith("/gateway/appsettings.json", StringComparison.Ordinal);
    }

    /// <summary>The compose service name of an authority's gateway.</summary>
    public static string GatewayHost(string authorityId) => $"gateway-{authorityId}";

    /// <summary>The compose service name of an authority's validator node.</summary>
    public static string NodeHost(string authorityId) => $"node-{authorityId}";

    /// <summary>The compose service name of an authority's non-validating full node.</summary>
    public static string FullNodeHost(string authorityId) => $"fullnode-{authorityId}";

    private static string StaticNodes(NetworkKeys keys)
    {
        var nodes = new JsonArray();
        for (var i = 0; i < keys.Authorities.Count; i++)
            nodes.Add(keys.Authorities[i].Node.Enode(NodeAddresses.ValidatorOnP2p(i), BesuNodeConfig.P2pPort));
        return nodes.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
    }

    private static string Registries(NetworkDefinition network, NetworkKeys keys, GenesisState state)
    {
        var authorities = new JsonArray();
        foreach (var authority in keys.Authorities)
        {
            var agencies = new JsonArray();
            foreach (var (agency, key) in authority.Agencies)
                agencies.Add(new JsonObject { ["id"] = agency.Id, ["kind"] = agency.Kind.ToString(), ["code"] = agency.Code, ["account"] = key.GetPublicAddress() });
            authorities.Add(new JsonObject
            {
                ["id"] = authority.Definition.Id,
                ["country"] = authority.Definition.Country,
                ["code"] = authority.Definition.Code,
                ["account"] = authority.Account.GetPublicAddress(),
                ["validator"] = authority.Node.Address,
                ["agencies"] = agencies,
            });
        }
        return new JsonObject
        {
            ["network"] = network.Name,
            ["chainId"] = network.ChainId,
            ["devnetOnly"] = network.IsDevnet,
            ["authorityRegistry"] = state.AuthorityRegistry,
            ["permitRegistry"] = state.PermitRegistry,
            ["genesisBlock"] = 0,
            ["authorities"] = authorities,
        }.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
    }
}

/// <summary>What a generation produced, for a devnet host that runs it at once.</summary>
/// <param name="Definition">The definition generated from.</param>
/// <param name="Keys">Every key.</param>
/// <param name="State">Where the registries are.</param>
public sealed record GeneratedNetwork(NetworkDefinition Definition, NetworkKeys Keys, GenesisState State);
