using System.Text.Json.Nodes;
using Ledger.Network.Definition;
using Ledger.Network.Tls;

namespace Ledger.Network.Generation;

/// <summary>
/// The production settings of one authority's gateway, in the container layout of
/// docker-compose.yml: mutual TLS, its own validator first and its own full node after it (so
/// losing its validator does not stop it, and no other authority's node need be reachable), only its own and its agencies' keystores, the client certificates it accepts
/// (Identity:Clients: subject + CA fingerprint → account and role), its document store, and its
/// metrics listener at its address on its authority's own network.
/// </summary>
/// <remarks>
/// Its nodes, its Redis and its Prometheus are reached over plain links on that network. A
/// Production gateway refuses such links unless they are declared private; the settings always
/// name the three declarations, true for the sample (the network is an internal Docker network
/// only the authority's own containers join) and false for a newcomer, whose operator moves each
/// link to TLS or declares it.
/// </remarks>
public static class GatewaySettingsFile
{
    /// <summary>The id of the generated document key (a rotation adds another id and keeps this one).</summary>
    public const string DocumentKeyId = "initial";

    /// <summary>The gateways' peer port inside the containers (reached by other gateways on the <c>gateways</c> network).</summary>
    public const int PeerPort = 7444;

    /// <summary>The port of the gateway's metrics listener (the Prometheus exporters' usual one).</summary>
    public const int MetricsPort = 9464;

    /// <summary>The settings JSON for the gateway of <paramref name="authorityId"/>.</summary>
    /// <param name="authorityId">The authority whose gateway this is.</param>
    /// <param name="index">Its place among the network's authorities: its gateway's address on its own network (<see cref="Besu.NodeAddresses"/>).</param>
    /// <param name="accounts">Its own account and its agencies': (keystore id, address), its own first.</param>
    /// <param name="registries">Where the registries are.</param>
    /// <param name="receiptTimeout">How long a write waits for its block.</param>
    /// <param name="clients">The client certificates it accepts and whom each acts for; empty when the authority adds its own PKI's.</param>
    /// <param name="authorityNetworkIsPrivate">Whether the plain links on the authority's own network are declared private (see remarks).</param>
    /// <param name="peerGatewayHosts">
    /// The other gateways' host names it may call on non-public addresses (Peers:AllowedGatewayHosts):
    /// the sample's compose service names; empty for a newcomer, whose peers are on public addresses.
    /// </param>
    public static string Build(string authorityId, int index, IEnumerable<(string Id, string Address)> accounts,
        RegistryAddresses registries, TimeSpan receiptTimeout, IEnumerable<ClientCertificateEntry> clients, bool authorityNetworkIsPrivate,
        IEnumerable<string> peerGatewayHosts)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(peerGatewayHosts);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(registries);
        var rpcUrls = new JsonArray { Rpc(NetworkGenerator.NodeHost(authorityId)), Rpc(NetworkGenerator.FullNodeHost(authorityId)) };
        var keystores = new JsonArray();
        foreach (var (id, address) in accounts)
            keystores.Add(Keystore(id, address));

        var settings = new JsonObject
        {
            ["Gateway"] = new JsonObject { ["Mode"] = "Production", ["ListenAddress"] = "0.0.0.0", ["Port"] = 7443 },
            ["Tls"] = new JsonObject
            {
                ["ServerCertificateFile"] = "/config/tls/gateway.crt",
                ["ServerKeyFile"] = "/config/tls/gateway.key",
                ["TrustedCaFiles"] = new JsonArray { "/config/tls/ca.crt" },
            },
            // The gateway-to-gateway endpoint presents the same certificate: its SHA-256 is what the issuer publishes on chain.
            ["Peers"] = new JsonObject
            {
                ["Port"] = PeerPort,
                ["CertificateFile"] = "/config/tls/gateway.crt",
                ["KeyFile"] = "/config/tls/gateway.key",
                ["PublicUrl"] = $"https://gateway-{authorityId}:{PeerPort}",
                // The others are on the private compose network `gateways`: without their names listed, their addresses are refused.
                ["AllowedGatewayHosts"] = new JsonArray([.. peerGatewayHosts.Select(host => JsonValue.Create(host))]),
            },
            ["Identity"] = new JsonObject { ["Clients"] = new JsonArray([.. clients.Select(Client)]) },
            ["Redis"] = new JsonObject { ["Configuration"] = $"redis-{authorityId}:6379", ["AllowPlaintextOnPrivateNetwork"] = authorityNetworkIsPrivate },
            ["Stores"] = new JsonObject { ["KeyPrefix"] = $"ledger:{authorityId}:", ["CheckpointDirectory"] = "/var/lib/ledger/checkpoints" },
            // The issuer's documents, in the gateway's data volume, sealed with the key of the compose secret document-key.
            ["Documents"] = new JsonObject
            {
                ["Provider"] = "Sqlite",
                ["SqlitePath"] = "/var/lib/ledger/documents.sqlite",
                ["ActiveKeyId"] = DocumentKeyId,
                ["KeyFiles"] = new JsonObject { [DocumentKeyId] = "/run/secrets/document-key" },
            },
            // For the authority's own Prometheus on its own network; the other authorities' gateways, on the gateways network, cannot reach it.
            ["Observability"] = new JsonObject
            {
                ["MetricsListenAddress"] = Besu.NodeAddresses.GatewayOnAuthorityNetwork(index),
                ["MetricsPort"] = MetricsPort,
                ["AllowPlaintextMetricsOnPrivateNetwork"] = authorityNetworkIsPrivate,
            },
            ["Chain"] = new JsonObject
            {
                ["RpcUrls"] = rpcUrls,
                ["AllowPlaintextRpcOnPrivateNetwork"] = authorityNetworkIsPrivate,
                ["AuthorityRegistry"] = registries.AuthorityRegistry,
                ["PermitRegistry"] = registries.PermitRegistry,
                ["FollowerStartBlock"] = 0,
                ["Confirmations"] = 0,
                // Zero base fee (genesis zeroBaseFee) and min-gas-price 0: authorities hold no ether.
                ["MaxPriorityFeePerGas"] = 0,
                ["ReceiptTimeout"] = receiptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["Keystores"] = keystores,
            },
        };
        return settings.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
    }

    /// <summary>How long a write waits for its block on <paramref name="network"/>: several QBFT round timeouts, at least 30 s.</summary>
    public static TimeSpan ReceiptTimeout(NetworkDefinition network) =>
        TimeSpan.FromSeconds(Math.Max(30, network.RequestTimeoutSeconds * 8));

    private static string Rpc(string nodeHost) => $"http://{nodeHost}:{Besu.BesuNodeConfig.RpcPort}";

    private static JsonNode Client(ClientCertificateEntry client) => new JsonObject
    {
        ["IssuerThumbprintSha256"] = client.IssuerThumbprintSha256,
        ["Subject"] = client.Subject,
        ["Authority"] = client.Authority,
        ["Role"] = client.Role,
    };

    private static JsonObject Keystore(string accountId, string address) => new()
    {
        ["Account"] = address,
        ["KeystorePath"] = $"/config/keystores/{accountId}.json",
        ["PasswordFile"] = "/run/secrets/keystore-password",
    };
}
