using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>A node that accepts the connection and never answers: timeouts and cancellation.</summary>
public class TimeoutAndCancellationTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silent_node_times_out_as_a_transport_failure_when_the_clock_passes_the_timeout()
    {
        await using var server = SilentTcpServer.Start();
        var clock = new ManualTimeProvider();
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { Timeout = TimeSpan.FromSeconds(5) }, clock);

        var call = client.GetBlockNumberAsync();
        await server.WaitForConnectionAsync().WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted, "the call must wait for its full timeout");
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => call.WaitAsync(Patience));
        Assert.Contains("5000 ms timeout", error.Message);
        Assert.Equal("eth_blockNumber", error.Method);
    }

    [Fact]
    public async Task A_silent_node_times_out_on_the_real_clock_too()
    {
        await using var server = SilentTcpServer.Start();
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { Timeout = TimeSpan.FromMilliseconds(200) });

        // The patience bound only catches a missing timeout (the call would hang forever).
        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync().WaitAsync(Patience));

        Assert.Contains("200 ms timeout", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_call_throws_operation_cancelled_with_the_caller_s_token()
    {
        await using var server = SilentTcpServer.Start();
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { Timeout = Timeout.InfiniteTimeSpan });
        using var cancellation = new CancellationTokenSource();

        var call = client.SendBatchAsync([new RpcRequest("eth_chainId"), new RpcRequest("eth_blockNumber")], cancellation.Token);
        await server.WaitForConnectionAsync().WaitAsync(Patience);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task A_cancelled_call_does_not_mark_a_pool_endpoint_down()
    {
        await using var server = SilentTcpServer.Start();
        using var pool = new RpcEndpointPool([server.Url], new RpcEndpointPoolOptions { Client = new() { Timeout = Timeout.InfiniteTimeSpan } });
        using var cancellation = new CancellationTokenSource();

        var call = pool.GetChainIdAsync(cancellation.Token);
        await server.WaitForConnectionAsync().WaitAsync(Patience);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
        Assert.True(pool.GetHealth().Single().IsUp);
    }

    [Fact]
    public async Task A_pool_fails_over_from_a_hung_node_once_its_timeout_passes()
    {
        await using var server = SilentTcpServer.Start();
        var clock = new ManualTimeProvider();
        var options = new RpcEndpointPoolOptions { Client = new() { Timeout = TimeSpan.FromSeconds(5) } };
        using var pool = new RpcEndpointPool([server.Url, fixture.Devnet.RpcUrl], options, clock);

        var call = pool.GetChainIdAsync();
        await server.WaitForConnectionAsync().WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(fixture.Devnet.ChainId, await call.WaitAsync(Patience));
        var hung = pool.GetHealth()[0];
        Assert.False(hung.IsUp);
        Assert.Contains("timeout", hung.LastError);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = SilentTcpServer.Start();
        using var client = new JsonRpcClient(server.Url);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChainIdAsync(new CancellationToken(canceled: true)));
        Assert.Equal(0, server.ConnectionCount);
    }
}
