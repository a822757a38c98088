using Ledger.Contracts.Tests.Devnet;
using Nethereum.Web3;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>Failover of the one Nethereum client over several endpoints, against a real anvil and dead endpoints.</summary>
public sealed class NodePoolTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task Reads_and_writes_go_on_past_a_dead_endpoint_which_is_marked_down()
    {
        using var pool = new NodePool([FreePort.ClosedEndpoint(), Net.Devnet.RpcUrl]);
        var changes = new List<NodeHealth>();
        pool.HealthChanged += (_, health) => changes.Add(health);

        var chainId = await new Web3(pool).Eth.ChainId.SendRequestAsync();
        Assert.Equal(Net.Devnet.ChainId, (ulong)chainId.Value);
        var binding = Net.Deployment.BindPermitRegistry(pool, new TransactionSender(pool, Net.Devnet.Accounts[1].Key(), Net.Devnet.ChainId, LedgerNet.SenderOptions));
        var permit = TestData.Permit(await Net.ChainTimeAsync());
        await binding.RegisterAsync(permit);
        Assert.Equal(VerificationStatus.Valid, (await binding.VerifyAsync(permit.Key)).Status);

        var health = pool.GetHealth();
        Assert.False(health[0].IsUp);
        Assert.True(health[0].ConsecutiveFailures >= 1);
        Assert.DoesNotContain("@", health[0].Name, StringComparison.Ordinal);
        Assert.True(health[1].IsUp);
        Assert.Equal(health[0].Name, Assert.Single(changes).Name);
    }

    [Fact]
    public async Task A_json_rpc_error_answer_is_returned_without_trying_the_next_endpoint()
    {
        await using var silent = SilentTcpServer.Start();
        using var pool = new NodePool([Net.Devnet.RpcUrl, silent.Url]);
        var refusal = await Assert.ThrowsAsync<RpcResponseException>(() => pool.SendRequestAsync<string>("no_such_method", null));
        Assert.NotEqual(0, refusal.RpcError.Code);
        Assert.Equal(0, silent.ConnectionCount);
        Assert.All(pool.GetHealth(), h => Assert.True(h.IsUp));
    }

    [Fact]
    public async Task No_endpoint_answering_is_one_retryable_exception_naming_each()
    {
        using var pool = new NodePool([FreePort.ClosedEndpoint(), FreePort.ClosedEndpoint()]);
        var failure = await Assert.ThrowsAsync<NodeUnreachableException>(() => new Web3(pool).Eth.ChainId.SendRequestAsync());
        Assert.Equal("eth_chainId", failure.Method);
        Assert.Equal(2, pool.GetHealth().Count(h => !h.IsUp));
    }
}
