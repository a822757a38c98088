using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>Failover between a closed port (a dead node) and a real anvil, on a manual clock.</summary>
public class RpcEndpointPoolTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private static readonly RpcEndpointPoolOptions Backoff = new()
    {
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(3),
        Client = new JsonRpcClientOptions { Timeout = TimeSpan.FromSeconds(10) },
    };

    private Uri Anvil => fixture.Devnet.RpcUrl;

    [Fact]
    public async Task A_dead_first_endpoint_is_marked_down_and_the_next_one_answers()
    {
        var dead = FreePort.ClosedEndpoint();
        using var pool = new RpcEndpointPool([dead, Anvil], Backoff, new ManualTimeProvider());

        Assert.Equal(fixture.Devnet.ChainId, await pool.GetChainIdAsync());

        var health = pool.GetHealth();
        Assert.False(health[0].IsUp);
        Assert.Equal(1, health[0].ConsecutiveFailures);
        Assert.Equal(RpcEndpointName.Of(dead), health[0].Name);
        Assert.Contains("refused", health[0].LastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(health[1].IsUp);
        Assert.NotNull(health[1].LastAnswerAt);
        Assert.True(pool.HasHealthyEndpoint);
    }

    [Fact]
    public async Task A_down_endpoint_is_skipped_until_its_back_off_elapses_then_tried_again()
    {
        var clock = new ManualTimeProvider();
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint(), Anvil], Backoff, clock);
        await pool.GetBlockNumberAsync();
        var failedAt = clock.GetUtcNow();
        Assert.Equal(failedAt + TimeSpan.FromSeconds(1), pool.GetHealth()[0].RetryAfter);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        await pool.GetBlockNumberAsync();
        Assert.Equal(1, pool.GetHealth()[0].ConsecutiveFailures); // skipped: not tried again

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await pool.GetBlockNumberAsync();
        var health = pool.GetHealth()[0];
        Assert.Equal(2, health.ConsecutiveFailures); // tried again, failed again
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(2), health.RetryAfter);
    }

    [Fact]
    public async Task The_back_off_doubles_up_to_its_ceiling()
    {
        var clock = new ManualTimeProvider();
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint(), Anvil], Backoff, clock);
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 5; i++)
        {
            await pool.GetBlockNumberAsync();
            var wait = pool.GetHealth()[0].RetryAfter!.Value - clock.GetUtcNow();
            waits.Add(wait);
            clock.Advance(wait);
        }

        Assert.Equal([1, 2, 3, 3, 3], waits.Select(w => w.TotalSeconds));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(40, 3)]
    [InlineData(int.MaxValue, 3)]
    public void Back_off_after_failures_is_exponential_and_capped(int failures, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Backoff.BackoffAfter(failures));

    [Fact]
    public async Task When_every_endpoint_is_dead_the_error_lists_each_failure()
    {
        var (first, second) = (FreePort.ClosedEndpoint(), FreePort.ClosedEndpoint());
        using var pool = new RpcEndpointPool([first, second], Backoff, new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => pool.GetChainIdAsync());

        Assert.Equal(2, error.Failures.Count);
        Assert.Equal(RpcEndpointName.Of(first), error.Failures[0].Endpoint);
        Assert.Equal(RpcEndpointName.Of(second), error.Failures[1].Endpoint);
        Assert.Contains(RpcEndpointName.Of(first), error.Message);
        Assert.Contains(RpcEndpointName.Of(second), error.Message);
        Assert.False(pool.HasHealthyEndpoint);
    }

    [Fact]
    public async Task Endpoints_backing_off_are_still_tried_as_a_last_resort()
    {
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint()], Backoff, new ManualTimeProvider());
        await Assert.ThrowsAsync<RpcTransportException>(() => pool.GetChainIdAsync());

        await Assert.ThrowsAsync<RpcTransportException>(() => pool.GetChainIdAsync());

        Assert.Equal(2, pool.GetHealth()[0].ConsecutiveFailures);
    }

    [Fact]
    public async Task A_json_rpc_error_or_revert_is_not_failed_over()
    {
        using var pool = new RpcEndpointPool([Anvil, FreePort.ClosedEndpoint()], Backoff, new ManualTimeProvider());

        await Assert.ThrowsAsync<RpcErrorException>(() => pool.SendAsync("eth_noSuchMethod", []));
        var reverter = await fixture.Devnet.WaitForReceiptAsync(await fixture.Devnet.SendTransactionAsync(
            fixture.Devnet.Accounts[0].Address, to: null, EvmCode.Deployable(EvmCode.ReverterRuntime([1, 2, 3]))));
        var revert = await Assert.ThrowsAsync<RpcRevertException>(() => pool.CallAsync(new CallRequest { To = reverter.ContractAddress }));

        Assert.Equal([1, 2, 3], revert.RevertDataArray);
        var health = pool.GetHealth();
        Assert.True(health[0].IsUp);
        Assert.True(health[1].IsUp);
        Assert.Null(health[1].LastFailureAt); // never tried
    }

    [Fact]
    public async Task A_revived_endpoint_is_preferred_again_after_its_back_off()
    {
        var clock = new ManualTimeProvider();
        var port = FreePort.Next();
        using var pool = new RpcEndpointPool([new Uri($"http://127.0.0.1:{port}/"), Anvil], Backoff, clock);
        var transitions = new List<RpcEndpointHealth>();
        pool.HealthChanged += (_, health) => transitions.Add(health);

        Assert.Equal(fixture.Devnet.ChainId, await pool.GetChainIdAsync()); // answered by the second endpoint
        await using var revived = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { Port = port, ChainId = 777 });
        Assert.Equal(fixture.Devnet.ChainId, await pool.GetChainIdAsync()); // still backing off
        clock.Advance(Backoff.InitialBackoff);

        Assert.Equal(777UL, await pool.GetChainIdAsync()); // the preferred endpoint is back
        Assert.True(pool.GetHealth()[0].IsUp);
        Assert.Equal([false, true], transitions.Select(t => t.IsUp));
        Assert.All(transitions, t => Assert.Equal($"http://127.0.0.1:{port}", t.Name));
    }

    [Fact]
    public async Task Batches_fail_over_too()
    {
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint(), Anvil], Backoff, new ManualTimeProvider());

        var responses = await pool.SendBatchAsync([new RpcRequest("eth_chainId"), new RpcRequest("eth_blockNumber")]);

        Assert.Equal(fixture.Devnet.ChainId, HexQuantity.ParseUInt64(responses[0].GetResultOrThrow().GetString()!));
        Assert.False(pool.GetHealth()[0].IsUp);
    }

    [Fact]
    public async Task Concurrent_calls_all_succeed_and_leave_consistent_health()
    {
        var clock = new ManualTimeProvider();
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint(), Anvil], Backoff, clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => pool.GetChainIdAsync()));

        Assert.All(results, id => Assert.Equal(fixture.Devnet.ChainId, id));
        var health = pool.GetHealth();
        // Calls that started before the first failure was recorded tried the dead endpoint too; none after.
        Assert.InRange(health[0].ConsecutiveFailures, 1, 64);
        Assert.Equal(clock.GetUtcNow() + Backoff.BackoffAfter(health[0].ConsecutiveFailures), health[0].RetryAfter);
        Assert.True(health[1].IsUp);
    }

    [Fact]
    public void A_pool_needs_endpoints_and_sane_back_off()
    {
        Assert.Throws<ArgumentException>(() => new RpcEndpointPool(Array.Empty<Uri>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RpcEndpointPool([Anvil], new RpcEndpointPoolOptions { InitialBackoff = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RpcEndpointPool([Anvil], new RpcEndpointPoolOptions { MaxBackoff = TimeSpan.FromMilliseconds(1) }));
        Assert.Throws<ArgumentException>(() => new RpcEndpointPool([new Uri("ftp://127.0.0.1/")]));
    }
}
