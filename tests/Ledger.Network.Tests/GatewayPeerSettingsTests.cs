using Ledger.Gateway.Peers;
using Ledger.Gateway.Tls;
using Ledger.Network.Generation;
using Ledger.Testing;
using Microsoft.Extensions.Configuration;

namespace Ledger.Network.Tests;

/// <summary>
/// Every generated gateway has a peer endpoint whose certificate is its TLS certificate (the one
/// whose fingerprint its issuer publishes on chain), reachable by the other gateways under its
/// compose service name, which they list as allowed; docker-compose.yml mounts that certificate
/// and exposes the port.
/// </summary>
public sealed class GatewayPeerSettingsTests
{
    [Theory]
    [InlineData("ch")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("ke")]
    public void A_generated_gateway_serves_its_peer_endpoint_with_its_own_TLS_certificate(string authorityId)
    {
        var folder = new NetworkLayout(Path.Combine(ToolPaths.RepositoryRoot, "chain-config")).Authority(authorityId);
        var configuration = new ConfigurationBuilder().AddJsonFile(folder.GatewaySettings).Build();
        var peers = configuration.GetSection(PeerOptions.SectionName).Get<PeerOptions>()!;
        var tls = configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>()!;
        var compose = File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "docker-compose.yml"));

        Assert.True(PeerServiceCollectionExtensions.HasPeersSection(configuration));
        Assert.Equal(GatewaySettingsFile.PeerPort, peers.Port);
        Assert.Equal(tls.ServerCertificateFile, peers.CertificateFile);
        Assert.Equal(tls.ServerKeyFile, peers.KeyFile);
        Assert.Equal($"https://gateway-{authorityId}:{GatewaySettingsFile.PeerPort}", peers.PublicUrl);
        // The other gateways are on the private compose network: listed by name, or their addresses would be refused.
        Assert.Equal(new[] { "ch", "fr", "de", "ke" }.Where(id => id != authorityId).Select(NetworkGenerator.GatewayHost), peers.AllowedGatewayHosts);
        Assert.All(peers.AllowedGatewayHosts, host => Assert.Null(PeerHostPolicy.EntryProblem(host)));
        Assert.Contains($"./chain-config/authorities/{authorityId}/tls/gateway.crt:{peers.CertificateFile}:ro", compose, StringComparison.Ordinal);
        Assert.Contains($"expose:\n    - \"{GatewaySettingsFile.PeerPort}\"", compose, StringComparison.Ordinal);
    }
}
