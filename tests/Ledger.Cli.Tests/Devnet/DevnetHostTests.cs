using System.Net.Http;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Deployment;
using Ledger.Devnet.Chain;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// The devnet host end to end on free ports: what it put on the chain is read back with
/// cast (independent of our ABI code), its keystores open with the dev password, and its
/// gateway answers.
/// </summary>
public class DevnetHostTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private const string AuthorityOf = "authorityOf(address)((bytes2,uint8,uint8,uint32,bytes32))";

    [Fact]
    public async Task Every_demo_authority_is_active_on_chain_with_its_country_and_kind()
    {
        var devnet = fixture.Devnet;
        var authorities = devnet.Keyring.Authorities;
        var outputs = await CastBatch.RunAsync(authorities
            .Select(a => (IReadOnlyList<string>)["call", devnet.Deployment.AuthorityRegistry.Address.ToString(), AuthorityOf, a.Address.ToString(), "--rpc-url", devnet.RpcUrl.ToString()])
            .ToList());

        for (var i = 0; i < authorities.Count; i++)
        {
            var authority = authorities[i];
            var country = "0x" + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(authority.Country)).ToLowerInvariant();
            var kind = authority.Kind == DevnetAuthorityKind.Customs ? 2 : 1;
            // (country, kind, status Active = 1, admissionSeq, code)
            Assert.StartsWith($"({country}, {kind}, 1, ", outputs[i]);
        }
    }

    [Fact]
    public async Task NO_was_admitted_by_a_vote_that_CH_proposed_and_FR_completed()
    {
        var devnet = fixture.Devnet;
        var registry = devnet.Deployment.AuthorityRegistry.Address.ToString();
        var outputs = await CastBatch.RunAsync(
        [
            ["call", registry, "proposalCount()(uint256)", "--rpc-url", devnet.RpcUrl.ToString()],
            ["call", registry, "hasVoted(uint256,address)(bool)", "1", devnet.Keyring["ch-issuer"].Address.ToString(), "--rpc-url", devnet.RpcUrl.ToString()],
            ["call", registry, "hasVoted(uint256,address)(bool)", "1", devnet.Keyring["fr-issuer"].Address.ToString(), "--rpc-url", devnet.RpcUrl.ToString()],
            ["call", registry, "activeIssuerCount()(uint256)", "--rpc-url", devnet.RpcUrl.ToString()],
        ]);

        Assert.Equal(["1", "true", "true", "3"], outputs);
        Assert.Contains("no-issuer admitted as issuer by majority vote", fixture.StartupLog);
    }

    [Fact]
    public async Task The_deployment_record_names_the_deployed_contracts()
    {
        var devnet = fixture.Devnet;
        var record = await DeploymentRecord.ReadAsync(devnet.DeploymentRecordFile);

        Assert.Equal(devnet.Deployment, record);
        var linked = await CastBatch.RunAsync(
        [
            ["code", record.PermitRegistry.Address.ToString(), "--rpc-url", devnet.RpcUrl.ToString()],
            ["chain-id", "--rpc-url", devnet.RpcUrl.ToString()],
        ]);
        Assert.True(linked[0].Length > 100, "no code at the recorded PermitRegistry address");
        Assert.Equal(linked[1], record.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Keystores_open_with_the_dev_password_and_hold_the_seeded_accounts()
    {
        foreach (var authority in fixture.Devnet.Keyring.Authorities)
        {
            var key = Keystores.DecryptFile(fixture.Devnet.Keyring.KeystorePath(authority.Identity), DevnetKeyring.DevPassword);
            Assert.Equal(authority.Address, key.AddressOf());
        }
    }

    [Fact]
    public void The_startup_log_and_banner_never_show_a_private_key()
    {
        var banner = Ledger.Devnet.Hosting.HowToTry.Text(fixture.Devnet) + fixture.StartupLog;
        foreach (var authority in fixture.Devnet.Keyring.Authorities)
        {
            var secret = Convert.ToHexString(authority.Key.GetPrivateKeyAsBytes());
            Assert.DoesNotContain(secret, banner, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, authority.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("DEVNET", banner);
    }

    [Fact]
    public async Task The_gateway_serves_health_on_loopback_over_plain_HTTP2()
    {
        Assert.Equal("127.0.0.1", fixture.Devnet.GatewayAddress.Host);
        using var channel = GrpcChannel.ForAddress(fixture.Devnet.GatewayAddress);
        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}
