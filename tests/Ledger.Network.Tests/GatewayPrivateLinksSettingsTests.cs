using Ledger.Gateway.Chain;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;
using Ledger.Network.Besu;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ledger.Network.Tests;

/// <summary>
/// The sample's gateways reach their nodes, Redis and Prometheus over plain links on their own
/// internal authority network, and their settings declare exactly that, so a Production gateway
/// accepts them; a newcomer's settings (`network join`) declare nothing, so its gateway refuses
/// to start until its operator moves each link to TLS or declares it private.
/// </summary>
public sealed class GatewayPrivateLinksSettingsTests
{
    private static readonly IOptions<GatewayOptions> Production = Options.Create(new GatewayOptions { Mode = GatewayMode.Production });

    // The failures the gateway's own validators find in a settings file, in Production mode.
    private static string[] Refusals(string settingsFile)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(settingsFile).Build();
        var results = new[]
        {
            new GatewayChainOptionsValidator(Production).Validate(null, configuration.GetSection(GatewayChainOptions.SectionName).Get<GatewayChainOptions>()!),
            new RedisOptionsValidator(Production).Validate(null, configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>()!),
            new ObservabilityOptionsValidator(Production).Validate(null, configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>()!),
        };
        return [.. results.SelectMany(result => result.Failures ?? [])];
    }

    [Theory]
    [InlineData("ch", 0)]
    [InlineData("fr", 1)]
    [InlineData("de", 2)]
    [InlineData("ke", 3)]
    public void A_sample_gateway_declares_its_authority_network_private_and_serves_metrics_at_its_address_there(string authorityId, int index)
    {
        var folder = new NetworkLayout(Path.Combine(ToolPaths.RepositoryRoot, "chain-config")).Authority(authorityId);
        var metrics = new ConfigurationBuilder().AddJsonFile(folder.GatewaySettings).Build()
            .GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>()!;
        var compose = File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "docker-compose.yml"));

        Assert.Empty(Refusals(folder.GatewaySettings));
        Assert.Equal(NodeAddresses.GatewayOnAuthorityNetwork(index), metrics.MetricsListenAddress);
        Assert.Contains($"      authority-{authorityId}:\n        ipv4_address: {metrics.MetricsListenAddress}", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newcomers_gateway_refuses_each_plain_link_until_its_operator_decides()
    {
        var folder = Directory.CreateTempSubdirectory("join-links-");
        try
        {
            var network = new PublishedNetwork
            {
                Network = "unit-test", ChainId = 31_337,
                AuthorityRegistry = "0x00000000000000000000000000000000000000aa", PermitRegistry = "0x00000000000000000000000000000000000000bb",
                Authorities = [new PublishedAuthority { Id = "ch", Country = "CH", Account = "0x01", Validator = "0x11" }],
            };
            NetworkJoin.Generate(network, SampleNetwork.Founder("no", "NO", "NO-MDIR", 0), network.Authorities.Count, KeySource.Seeded("join-links-seed"), "pw", folder.FullName);

            var refusals = Refusals(new AuthorityFolder(folder.FullName).GatewaySettings);

            Assert.Contains(refusals, r => r.Contains("Chain:AllowPlaintextRpcOnPrivateNetwork=true", StringComparison.Ordinal));
            Assert.Contains(refusals, r => r.Contains("Redis:AllowPlaintextOnPrivateNetwork=true", StringComparison.Ordinal));
            Assert.Contains(refusals, r => r.Contains("Observability:AllowPlaintextMetricsOnPrivateNetwork=true", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
