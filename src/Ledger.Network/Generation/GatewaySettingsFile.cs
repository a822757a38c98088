using System.Text.Json.Nodes;
using Ledger.Network.Definition;

namespace Ledger.Network.Generation;

/// <summary>
/// The production settings of one authority's gateway, in the container layout of
/// docker-compose.yml: mutual TLS, its own node first and the other founders' nodes after it
/// (so losing its node does not stop it), and only its own and its agencies' keystores.
/// </summary>
public static class GatewaySettingsFile
{
    /// <summary>The settings JSON for <paramref name="authority"/>.</summary>
    public static string Build(NetworkDefinition network, NetworkKeys keys, AuthorityKeys authority, GenesisState state)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(state);
        var id = authority.Definition.Id;
        var rpcUrls = new JsonArray { Rpc(id) };
        foreach (var other in keys.Authorities.Where(other => other.Definition.Id != id))
            rpcUrls.Add(Rpc(other.Definition.Id));

        var keystores = new JsonArray { Keystore(id, id, authority.Account.GetPublicAddress()) };
        foreach (var (agency, key) in authority.Agencies)
            keystores.Add(Keystore(id, agency.Id, key.GetPublicAddress()));

        var settings = new JsonObject
        {
            ["Gateway"] = new JsonObject { ["Mode"] = "Production", ["ListenAddress"] = "0.0.0.0", ["Port"] = 7443 },
            ["Tls"] = new JsonObject
            {
                ["ServerCertificateFile"] = "/config/tls/gateway.crt",
                ["ServerKeyFile"] = "/config/tls/gateway.key",
                ["TrustedCaFiles"] = new JsonArray { "/config/tls/ca.crt" },
            },
            ["Redis"] = new JsonObject { ["Configuration"] = $"redis-{id}:6379" },
            ["Stores"] = new JsonObject { ["KeyPrefix"] = $"ledger:{id}:", ["CheckpointDirectory"] = "/var/lib/ledger/checkpoints" },
            ["Chain"] = new JsonObject
            {
                ["RpcUrls"] = rpcUrls,
                ["AuthorityRegistry"] = state.AuthorityRegistry,
                ["PermitRegistry"] = state.PermitRegistry,
                ["FollowerStartBlock"] = 0,
                ["Confirmations"] = 0,
                ["ReceiptTimeout"] = TimeSpan.FromSeconds(Math.Max(30, network.RequestTimeoutSeconds * 8)).ToString("c"),
                ["Keystores"] = keystores,
            },
        };
        return settings.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
    }

    private static string Rpc(string authorityId) => $"http://{NetworkGenerator.NodeHost(authorityId)}:{Besu.BesuNodeConfig.RpcPort}";

    private static JsonObject Keystore(string authorityId, string accountId, string address) => new()
    {
        ["Account"] = address,
        ["KeystorePath"] = $"/config/keystores/{accountId}.json",
        ["PasswordFile"] = "/run/secrets/keystore-password",
    };
}
