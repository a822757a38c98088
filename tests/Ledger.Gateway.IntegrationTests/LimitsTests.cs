using Grpc.Core;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using RpcException = Grpc.Core.RpcException;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Abuse bounds on a second gateway of the shared network with small limits: requests per
/// authority per second, WatchPermits streams per authority and in total, and the replay window.
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
    public async Task One_authority_over_its_rate_gets_resource_exhausted_and_another_is_not_affected()
    {
        await using var gateway = await StartGatewayAsync(("Limits:RequestsPerSecond", "1"), ("Limits:Burst", "3"));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        var request = new VerifyPermitRequest { PermitId = Permits.NewId() };

        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await permits.VerifyPermitAsync(request, As(Officials.FrCustoms));
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                Assert.Contains("Too many requests for authority", e.Status.Detail);
            }
        }
        var other = await permits.VerifyPermitAsync(request, As(Officials.ChCustoms));

        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.True(outcomes.Count(o => o == StatusCode.OK) >= 3, string.Join(", ", outcomes));
        Assert.Equal(VerificationStatus.NotAvailable, other.Status);
    }

    [Fact]
    public async Task Watch_streams_are_capped_per_authority_and_in_total()
    {
        await using var gateway = await StartGatewayAsync(("Limits:MaxWatchStreamsPerCaller", "1"), ("Limits:MaxWatchStreamsTotal", "2"));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var permits = new PermitService.PermitServiceClient(channel);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var first = await OpenWatchAsync(permits, Officials.FrCustoms, cancel.Token);
        var second = await Assert.ThrowsAsync<RpcException>(() => OpenWatchAsync(permits, Officials.FrCustoms, cancel.Token));
        using var third = await OpenWatchAsync(permits, Officials.ChCustoms, cancel.Token);
        var fourth = await Assert.ThrowsAsync<RpcException>(() => OpenWatchAsync(permits, Officials.NoCustoms, cancel.Token));
        first.Dispose();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var again = await OpenWatchAsync(permits, Officials.FrCustoms, cancel.Token);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), "a closed stream frees its slot");

        Assert.Equal(StatusCode.ResourceExhausted, second.StatusCode);
        Assert.Contains("MaxWatchStreamsPerCaller", second.Status.Detail);
        Assert.Equal(StatusCode.ResourceExhausted, fourth.StatusCode);
        Assert.Contains("MaxWatchStreamsTotal", fourth.Status.Detail);
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
