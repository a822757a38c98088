using Grpc.Core;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using RpcException = Grpc.Core.RpcException;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Abuse bounds on a second gateway of the shared network with small limits: requests per
/// official and per authority per second, requests per peer gateway on the peer endpoint,
/// WatchPermits streams per official, per authority and in total, and the replay window.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class LimitsTests(LedgerNetworkFixture network)
{
    private Task<GatewayHost> StartGatewayAsync(params (string Key, string Value)[] limits)
    {
        var settings = new Dictionary<string, string?>(network.Settings);
        foreach (var (key, value) in limits)
            settings[key] = value;
        return GatewayHost.StartAsync(settings);
    }

    [Fact]
    public async Task One_official_over_their_rate_gets_resource_exhausted_and_a_colleague_of_the_same_authority_is_not_affected()
    {
        await using var gateway = await StartGatewayAsync(("Limits:CallerRequestsPerSecond", "1"), ("Limits:CallerBurst", "3"));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);

        var runaway = await VerifyRepeatedlyAsync(permits, Officials.ChIssuer, times: 8);
        var colleague = await VerifyRepeatedlyAsync(permits, Officials.Observer, times: 3);

        Assert.Equal(network.AccountOf(Officials.ChIssuer), network.AccountOf(Officials.Observer));
        Assert.Contains(runaway, o => o.Code == StatusCode.ResourceExhausted && o.Detail.StartsWith("Too many requests from this official of authority", StringComparison.Ordinal));
        Assert.True(runaway.Count(o => o.Code == StatusCode.OK) >= 3, string.Join(", ", runaway));
        Assert.All(colleague, o => Assert.Equal(StatusCode.OK, o.Code));
    }

    [Fact]
    public async Task The_officials_of_one_authority_together_stop_at_its_ceiling_and_another_authority_is_not_affected()
    {
        // Six officials of CH's issuing authority, two requests each: within each official's
        // limit (2), over the authority's (3) unless the test took seconds to make them.
        var colleagues = Enumerable.Range(1, 6).Select(i => $"ch-reader-{i}").ToArray();
        var identities = colleagues.SelectMany(name => new[]
        {
            ($"Identity:DevIdentities:{name}:Authority", network.AccountOf(Officials.ChIssuer).ToChecksumHex()),
            ($"Identity:DevIdentities:{name}:Role", "ReadOnly"),
        });
        await using var gateway = await StartGatewayAsync([.. identities,
            ("Limits:RequestsPerSecond", "1"), ("Limits:Burst", "3"), ("Limits:CallerRequestsPerSecond", "1"), ("Limits:CallerBurst", "2")]);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);

        var outcomes = new List<(StatusCode Code, string Detail)>();
        foreach (var colleague in colleagues)
            outcomes.AddRange(await VerifyRepeatedlyAsync(permits, colleague, times: 2));
        var other = await VerifyRepeatedlyAsync(permits, Officials.FrCustoms, times: 1);

        Assert.Contains(outcomes, o => o.Code == StatusCode.ResourceExhausted && o.Detail.StartsWith("Too many requests for authority", StringComparison.Ordinal));
        Assert.DoesNotContain(outcomes, o => o.Detail.Contains("this official", StringComparison.Ordinal));
        Assert.True(outcomes.Count(o => o.Code == StatusCode.OK) >= 3, string.Join(", ", outcomes));
        Assert.Equal(StatusCode.OK, other.Single().Code);
    }

    [Fact]
    public async Task A_peer_gateway_over_its_rate_gets_resource_exhausted_with_retry_after_and_another_peer_is_not_affected()
    {
        using var folder = new TemporaryDirectory();
        var (certificateFile, keyFile) = PeerTestSupport.WriteSelfSigned(folder.Path, "peer");
        await using var gateway = await StartGatewayAsync(("Peers:Port", "0"), ("Peers:CertificateFile", certificateFile), ("Peers:KeyFile", keyFile),
            ("Limits:PeerRequestsPerSecond", "1"), ("Limits:PeerBurst", "3"));
        var peerUrl = PeerTestSupport.PeerUrl(gateway.Services);
        var certificate = gateway.Services.GetRequiredService<PeerCertificate>();
        await PeerTestSupport.PublishAsync(network, Officials.FrIssuer, Officials.FrCustoms, peerUrl, certificate.Fingerprint);
        var request = new GetPermitDocumentRequest { PermitId = Permits.NewId(), CallingAuthority = network.AccountOf(Officials.FrCustoms).ToChecksumHex() };
        using var stranger = TestGatewayCertificates.SelfSigned("CN=another gateway");

        var answered = 0;
        RpcException? limited = null;
        using var pinnedChannel = TestGatewayCertificates.ChannelPresenting(peerUrl, certificate.Certificate);
        using var strangerChannel = TestGatewayCertificates.ChannelPresenting(peerUrl, stranger);
        var peer = new PeerDocumentService.PeerDocumentServiceClient(pinnedChannel);
        for (var i = 0; i < 10 && limited is null; i++)
        {
            try
            {
                var response = await peer.GetPermitDocumentAsync(request);
                Assert.Equal(DocumentAvailability.NotAvailable, response.Availability);
                answered++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                limited = e;
            }
        }
        var other = await Assert.ThrowsAsync<RpcException>(() => new PeerDocumentService.PeerDocumentServiceClient(strangerChannel).GetPermitDocumentAsync(request).ResponseAsync);

        Assert.NotNull(limited);
        Assert.True(answered >= 3, $"{answered} answered before the limit");
        Assert.StartsWith("Too many requests from this gateway", limited.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(limited.Trailers.Get("retry-after"));
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode); // its own bucket: refused by the pin, not by the limit
    }

    [Fact]
    public async Task A_caller_minting_certificates_gets_a_bucket_each_but_stops_at_the_peer_endpoints_ceiling()
    {
        using var folder = new TemporaryDirectory();
        var (certificateFile, keyFile) = PeerTestSupport.WriteSelfSigned(folder.Path, "peer");
        await using var gateway = await StartGatewayAsync(("Peers:Port", "0"), ("Peers:CertificateFile", certificateFile), ("Peers:KeyFile", keyFile),
            ("Limits:PeerRequestsPerSecond", "1"), ("Limits:PeerBurst", "2"),
            ("Limits:PeerEndpointRequestsPerSecond", "1"), ("Limits:PeerEndpointBurst", "3"));
        var peerUrl = PeerTestSupport.PeerUrl(gateway.Services);
        var request = new GetPermitDocumentRequest { PermitId = Permits.NewId(), CallingAuthority = network.AccountOf(Officials.FrCustoms).ToChecksumHex() };

        var outcomes = new List<(StatusCode Code, string Detail)>();
        for (var i = 0; i < 10 && !outcomes.Any(o => o.Code == StatusCode.ResourceExhausted); i++)
        {
            // A fresh certificate each time: each has a per-peer bucket of its own, untouched.
            using var minted = TestGatewayCertificates.SelfSigned($"CN=minted {i}");
            using var channel = TestGatewayCertificates.ChannelPresenting(peerUrl, minted);
            var error = await Assert.ThrowsAsync<RpcException>(() => new PeerDocumentService.PeerDocumentServiceClient(channel).GetPermitDocumentAsync(request).ResponseAsync);
            outcomes.Add((error.StatusCode, error.Status.Detail));
        }

        var refusedByPin = outcomes.TakeWhile(o => o.Code != StatusCode.ResourceExhausted).ToList();
        Assert.InRange(refusedByPin.Count, 3, 9); // the burst of 3, plus what refilled meanwhile at 1 a second
        Assert.All(refusedByPin, o => Assert.Equal(StatusCode.PermissionDenied, o.Code));
        Assert.StartsWith("Too many requests on this gateway's peer endpoint", outcomes[^1].Detail, StringComparison.Ordinal);
    }

    /// <summary>Asks VerifyPermit <paramref name="times"/> times as <paramref name="official"/>; each answer's code and detail.</summary>
    private static async Task<List<(StatusCode Code, string Detail)>> VerifyRepeatedlyAsync(PermitService.PermitServiceClient permits, string official, int times)
    {
        var outcomes = new List<(StatusCode, string)>();
        for (var i = 0; i < times; i++)
        {
            try
            {
                await permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = Permits.NewId() }, As(official));
                outcomes.Add((StatusCode.OK, ""));
            }
            catch (RpcException e)
            {
                outcomes.Add((e.StatusCode, e.Status.Detail));
            }
        }
        return outcomes;
    }

    [Fact]
    public async Task Watch_streams_are_capped_per_official_per_authority_and_in_total()
    {
        // Three officials of CH's issuing authority (ch-issuer, observer and one more), one of FR's and one of NO's customs.
        const string thirdColleague = "ch-reader-watch";
        await using var gateway = await StartGatewayAsync(
            ($"Identity:DevIdentities:{thirdColleague}:Authority", network.AccountOf(Officials.ChIssuer).ToChecksumHex()),
            ($"Identity:DevIdentities:{thirdColleague}:Role", "ReadOnly"),
            ("Limits:MaxWatchStreamsPerOfficial", "1"), ("Limits:MaxWatchStreamsPerAuthority", "2"), ("Limits:MaxWatchStreamsTotal", "3"));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var first = await OpenWatchAsync(permits, Officials.ChIssuer, cancel.Token);
        var officialsSecond = await Assert.ThrowsAsync<RpcException>(() => OpenWatchAsync(permits, Officials.ChIssuer, cancel.Token));
        using var colleague = await OpenWatchAsync(permits, Officials.Observer, cancel.Token);
        var authoritysThird = await Assert.ThrowsAsync<RpcException>(() => OpenWatchAsync(permits, thirdColleague, cancel.Token));
        using var otherAuthority = await OpenWatchAsync(permits, Officials.FrCustoms, cancel.Token);
        var gatewaysFourth = await Assert.ThrowsAsync<RpcException>(() => OpenWatchAsync(permits, Officials.NoCustoms, cancel.Token));
        first.Dispose();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var again = await OpenWatchAsync(permits, Officials.ChIssuer, cancel.Token);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), "a closed stream frees its slot");

        Assert.Equal(network.AccountOf(Officials.ChIssuer), network.AccountOf(Officials.Observer));
        Assert.Equal(StatusCode.ResourceExhausted, officialsSecond.StatusCode);
        Assert.Contains("Limits:MaxWatchStreamsPerOfficial", officialsSecond.Status.Detail);
        Assert.Equal(StatusCode.ResourceExhausted, authoritysThird.StatusCode);
        Assert.Contains("Limits:MaxWatchStreamsPerAuthority", authoritysThird.Status.Detail);
        Assert.Equal(StatusCode.ResourceExhausted, gatewaysFourth.StatusCode);
        Assert.Contains("Limits:MaxWatchStreamsTotal", gatewaysFourth.Status.Detail);
    }

    [Fact]
    public async Task A_replay_from_further_back_than_the_window_is_refused_with_the_earliest_block_allowed()
    {
        await using var gateway = await StartGatewayAsync(("Limits:MaxReplayBlocks", "3"));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        await Eventually.TrueAsync(async () => await network.Devnet.Client.GetBlockNumberAsync() > 10, TimeSpan.FromSeconds(10), "the chain has 10 blocks");

        using var call = permits.WatchPermits(new WatchPermitsRequest { FromBlock = 0 }, As(Officials.FrCustoms));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("replays at most 3 blocks", error.Status.Detail);
        Assert.Contains("GetPermitHistory", error.Status.Detail);
    }

    /// <summary>Opens a watch from the head and waits for its first item (the replay's checkpoint), so the stream is surely open.</summary>
    private async Task<AsyncServerStreamingCall<WatchPermitsResponse>> OpenWatchAsync(
        PermitService.PermitServiceClient permits, string official, CancellationToken ct)
    {
        var head = await network.Devnet.Client.GetBlockNumberAsync();
        var call = permits.WatchPermits(new WatchPermitsRequest { FromBlock = head }, As(official).WithCancellationToken(ct));
        try
        {
            Assert.True(await call.ResponseStream.MoveNext(ct));
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }
}
