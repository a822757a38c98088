using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>/metrics, scraped like Prometheus does, after real calls, holds the operators' series with plausible values.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed partial class ObservabilityTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task Metrics_show_requests_latency_writes_cache_follower_and_node_after_some_calls()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        for (var i = 0; i < 3; i++)
            await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => network.Permits.RegisterPermitAsync(
            Permits.Register(Permits.ExportDraft(Permits.NewId())), As(Officials.Observer)).ResponseAsync);

        var text = "";
        await Eventually.TrueAsync(async () =>
        {
            text = await ScrapeAsync();
            return Value(text, "ledger_follower_lag") is not null;
        }, TimeSpan.FromSeconds(20), "the follower lag gauge is exported");

        Assert.True(Value(text, "ledger_rpc_requests_total", ("grpc_status", "OK"), ("rpc_method", "ledger.v1.PermitService/VerifyPermit")) >= 3, text);
        Assert.True(Value(text, "ledger_rpc_requests_total", ("grpc_status", "PermissionDenied"), ("rpc_method", "ledger.v1.PermitService/RegisterPermit")) >= 1, text);
        var registrations = Value(text, "ledger_rpc_duration_seconds_count", ("grpc_status", "OK"), ("rpc_method", "ledger.v1.PermitService/RegisterPermit"));
        Assert.True(registrations >= 1, text);
        // In seconds, not milliseconds: the mean over every registration of the shared network (their sum grows with the tests).
        Assert.True(Value(text, "ledger_rpc_duration_seconds_sum", ("grpc_status", "OK"), ("rpc_method", "ledger.v1.PermitService/RegisterPermit")) / registrations is > 0 and < 60, text);
        // One source of truth per gRPC call (ledger_rpc_*, which knows the gRPC status): the hosting meter, still
        // exported (it counts the calls in flight), leaves them out of its request durations.
        Assert.NotNull(Value(text, "http_server_active_requests"));
        Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal)
            && line.Contains("ledger.v1.", StringComparison.Ordinal));
        Assert.True(Value(text, "ledger_writes_total", ("action", "RegisterPermit"), ("outcome", "succeeded")) >= 1, text);
        Assert.True(Value(text, "ledger_verification_cache_lookups_total", ("result", "hit")) >= 1, text);
        Assert.True(Value(text, "ledger_verification_cache_hit_ratio") is > 0 and <= 1, text);
        Assert.True(Value(text, "ledger_follower_lag") is >= 0 and < 1000, text);
        Assert.True(Value(text, "ledger_node_head_age_seconds") is >= 0 and < 60, text);
        Assert.Equal(1, Value(text, "ledger_node_endpoint_up", ("endpoint", $"{network.Devnet.RpcUrl.Scheme}://{network.Devnet.RpcUrl.Host}:{network.Devnet.RpcUrl.Port}")));
    }

    [Fact]
    public async Task A_gateway_sharing_the_process_with_another_exports_only_its_own_calls()
    {
        await using var other = await GatewayHost.StartAsync(network.Settings);
        var permitId = Permits.NewId();
        const string verify = "ledger.v1.PermitService/VerifyPermit";
        var otherBefore = Value(await ScrapeAsync(other.Address), "ledger_rpc_requests_total", ("grpc_status", "OK"), ("rpc_method", verify)) ?? 0;
        var ownBefore = Value(await ScrapeAsync(), "ledger_rpc_requests_total", ("grpc_status", "OK"), ("rpc_method", verify)) ?? 0;

        for (var i = 0; i < 5; i++)
            await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));

        // The test hosts' scrapes are not cached, but a call is counted once its response is
        // written, which the client may see first: ask until the calls show.
        await Eventually.TrueAsync(async () => Value(await ScrapeAsync(), "ledger_rpc_requests_total", ("grpc_status", "OK"), ("rpc_method", verify)) >= ownBefore + 5,
            TimeSpan.FromSeconds(10), "this gateway exports the 5 calls");
        // Before, every gateway of a process exported the calls of all of them (meters are found by name process-wide).
        Assert.Equal(otherBefore, Value(await ScrapeAsync(other.Address), "ledger_rpc_requests_total", ("grpc_status", "OK"), ("rpc_method", verify)) ?? 0);
    }

    private Task<string> ScrapeAsync() => ScrapeAsync(network.Gateway.Address);

    private static async Task<string> ScrapeAsync(Uri gateway)
    {
        // Devnet mode is HTTP/2 without TLS: prior knowledge, as the README's curl does.
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync(new Uri(gateway, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the series <paramref name="name"/> having every label of <paramref name="labels"/>, or null.</summary>
    private static double? Value(string text, string name, params (string Name, string Value)[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            var match = Series().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
                continue;
            var present = Label().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["name"].Value, l => l.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Name, out var value) && value == l.Value))
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    [GeneratedRegex("(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Series();
}
