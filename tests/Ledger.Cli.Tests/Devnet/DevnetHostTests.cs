using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// The devnet in the network's topology, on free ports: what the genesis put on chain is read
/// back with cast (independent of our ABI code), each gateway serves and signs for its own
/// authority only, and nothing printed shows a key.
/// </summary>
[Collection(DevnetCollection.Name)]
public class DevnetHostTests(DevnetFixture fixture)
{
    private const string AuthorityOf = "authorityOf(address)((bytes2,uint8,uint8,uint32,bytes32))";

    [Fact]
    public async Task Every_founder_and_agency_is_active_on_chain_with_its_country_and_kind()
    {
        var devnet = fixture.Devnet;
        var expected = devnet.Network.Authorities.SelectMany(founder =>
                founder.Agencies.Select(agency => (Id: agency.Id, founder.Country, Kind: (int)agency.Kind)).Prepend((Id: founder.Id, Country: founder.Country, Kind: 1)))
            .ToList();
        var accounts = devnet.Authorities.SelectMany(a => a.Accounts).ToDictionary(a => a.KeystoreId, a => a.Address);
        var outputs = await CastBatch.RunAsync(expected
            .Select(e => (IReadOnlyList<string>)["call", devnet.Registries.AuthorityRegistry, AuthorityOf, accounts[e.Id], "--rpc-url", devnet.RpcUrl.ToString()])
            .ToList());

        Assert.Equal(8, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var country = "0x" + Convert.ToHexString(Encoding.ASCII.GetBytes(expected[i].Country)).ToLowerInvariant();
            // (country, kind, status Active = 1, admissionSeq, code)
            Assert.StartsWith($"({country}, {expected[i].Kind}, 1, ", outputs[i]);
        }
    }

    [Fact]
    public async Task getValidators_lists_exactly_the_founders_nodes()
    {
        var devnet = fixture.Devnet;
        var nodes = devnet.Network.Authorities
            .Select(founder => JsonDocument.Parse(File.ReadAllText(devnet.Layout.Authority(founder.Id).NodeInfo)).RootElement.GetProperty("validator").GetString()!)
            .ToList();

        var output = (await CastBatch.RunAsync([["call", devnet.Registries.AuthorityRegistry, "getValidators()(address[])", "--rpc-url", devnet.RpcUrl.ToString()]]))[0];

        var validators = output.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(nodes.Order(StringComparer.OrdinalIgnoreCase), validators.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(4, validators.Length);
    }

    [Fact]
    public async Task gateways_json_sends_each_identity_to_its_own_authoritys_gateway()
    {
        var devnet = fixture.Devnet;
        var list = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(devnet.GatewayListFile))!;

        var expected = devnet.Authorities
            .SelectMany(a => a.Accounts.Select(account => account.Identity).Append(a.ObserverIdentity).Select(identity => (identity, a.Id)))
            .ToDictionary(p => p.identity, p => devnet.Gateways[p.Id].ToString());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), list.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(devnet.Authorities.Count, list.Values.Distinct().Count());
        Assert.Equal(devnet.Gateways["fr"].ToString(), list["fr-customs"]);
        Assert.Equal(devnet.Gateways["ch"].ToString(), list["ch-issuer"]);
    }

    [Fact]
    public async Task Each_gateway_refuses_another_countrys_issuer_and_knows_only_its_own_officers()
    {
        var devnet = fixture.Devnet;
        for (var i = 0; i < devnet.Authorities.Count; i++)
        {
            var own = devnet.Authorities[i];
            var foreign = devnet.Authorities[(i + 1) % devnet.Authorities.Count];
            using var gateway = GatewayClientFactory.Create(new GatewaySettings(devnet.Gateways[own.Id]));
            var permit = NewPermit(foreign.Country, own.Country);

            var refused = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Permits.RegisterPermitAsync(
                new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = permit }, gateway.Call(default, foreign.IssuerIdentity)));
            var after = await gateway.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permit.PermitId }, gateway.Call(default, own.ObserverIdentity));

            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Contains($"'{foreign.IssuerIdentity}' is not configured", refused.Status.Detail);
            // The refusal lists the identities this gateway knows: its own authority's officers only.
            var known = own.Accounts.Select(a => a.Identity).Append(own.ObserverIdentity).Order(StringComparer.Ordinal);
            Assert.Contains("use one of: " + string.Join(", ", known) + " ", refused.Status.Detail);
            Assert.Equal(VerificationReason.Unknown, after.Reason);
        }
    }

    [Fact]
    public void The_startup_log_and_banner_never_show_a_private_key()
    {
        var devnet = fixture.Devnet;
        var printed = Ledger.Devnet.Hosting.HowToTry.Text(devnet) + fixture.StartupLog;
        var keys = NetworkKeys.Draw(devnet.Network, KeySource.Seeded(devnet.Network.DevnetSeed!));

        var secrets = keys.Authorities
            .SelectMany(a => a.Agencies.Select(agency => agency.Key).Append(a.Account))
            .Select(key => Convert.ToHexString(key.GetPrivateKeyAsBytes()))
            .Concat(keys.Authorities.Select(a => a.Node.PrivateKeyFileText()[2..]))
            .ToList();
        Assert.Equal(12, secrets.Count);
        // The keys drawn are the ones on chain: the test would look for the wrong secrets otherwise.
        Assert.Equal(devnet.Authorities[0].Accounts[0].Address, keys.Authorities[0].Account.GetPublicAddress(), StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, printed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DEVNET", printed);
        foreach (var authority in devnet.Authorities)
            Assert.Contains(devnet.Gateways[authority.Id].ToString().TrimEnd('/'), printed);
    }

    [Fact]
    public async Task Every_gateway_answers_health_SERVING_on_loopback()
    {
        Assert.Equal(4, fixture.Devnet.Gateways.Count);
        foreach (var (id, address) in fixture.Devnet.Gateways)
        {
            Assert.Equal("127.0.0.1", address.Host);
            using var channel = GrpcChannel.ForAddress(address);
            var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.True(answer.Status == HealthCheckResponse.Types.ServingStatus.Serving, $"gateway {id} answered {answer.Status}");
        }
    }

    /// <summary>A one-line CITES export permit of <paramref name="country"/> to <paramref name="destination"/>, valid now.</summary>
    internal static PermitDraft NewPermit(string country, string destination)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var id = $"{country}/{now.Year.ToString(CultureInfo.InvariantCulture)}/DT-{Guid.NewGuid():N}"[..30];
        return new PermitDraft
        {
            PermitId = id,
            Type = PermitType.CitesExport,
            Document = Google.Protobuf.ByteString.CopyFromUtf8($"<CITESEPermit id=\"{id}\"/>"),
            ValidFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddMinutes(-1)),
            ValidUntil = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddMonths(6)),
            DestinationCountry = destination,
            Lines = { new QuantityLine { Amount = "10" } },
            MaxShipments = 1,
        };
    }
}
