using Nethereum.JsonRpc.Client;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;
using Nethereum.RPC.Eth.Transactions;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// The pool's lean eth_call (<see cref="NodePool.CallAsync"/>) against Nethereum's eth_call on the
/// same anvil: the same bytes, the same JSON-RPC errors with the same revert data, and the pool's
/// failover, health and bounds kept.
/// </summary>
public sealed class EthCallDifferentialTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    private Address Registry => Net.Deployer.Permits.Address;

    [Fact]
    public async Task A_call_returns_the_bytes_nethereum_returns_at_the_same_block()
    {
        var now = await Net.ChainTimeAsync();
        var permits = Enumerable.Range(0, 3).Select(_ => TestData.Permit(now, lines: [10, 20])).ToArray();
        await Net.IssuerCH.Permits.RegisterBatchAsync(permits);
        var block = new BlockParameter(await Net.Devnet.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync());
        using var pool = new NodePool([Net.Devnet.RpcUrl]);
        Bytes32[] keys = [permits[0].Key, TestData.RandomHash(), permits[2].Key];

        foreach (var call in new[] { PermitRegistryCalls.VerifyAtHead(keys[0]), PermitRegistryCalls.VerifyManyAtHead(keys), PermitRegistryCalls.MaxVerifyBatch() })
        {
            var lean = await pool.CallAsync(Registry, call.Data, block, CancellationToken.None);
            var nethereum = await NethereumCallAsync(call.Data, block);
            Assert.NotEmpty(lean);
            Assert.Equal(nethereum, "0x" + Convert.ToHexStringLower(lean));
        }
        Assert.Empty(await pool.CallAsync(TestData.RandomAddress(), PermitRegistryCalls.MaxVerifyBatch().Data, block, CancellationToken.None));
        Assert.True(Assert.Single(pool.GetHealth()).IsUp);
    }

    [Fact]
    public async Task A_revert_is_the_json_rpc_error_nethereum_raises_with_the_same_revert_data()
    {
        var keys = Enumerable.Range(0, PermitRegistryContract.MaxVerifyBatch + 1).Select(_ => TestData.RandomHash()).ToArray();
        var call = PermitRegistryCalls.VerifyManyAtHead(keys);
        using var pool = new NodePool([Net.Devnet.RpcUrl]);

        var lean = await Assert.ThrowsAsync<RpcResponseException>(() => pool.CallAsync(Registry, call.Data, null, CancellationToken.None));
        var nethereum = await Assert.ThrowsAsync<RpcResponseException>(() => NethereumCallAsync(call.Data, BlockParameter.CreateLatest()));

        Assert.Equal(nethereum.RpcError.Code, lean.RpcError.Code);
        Assert.Equal(nethereum.RpcError.Message, lean.RpcError.Message);
        Assert.Equal(RevertData.From(nethereum), RevertData.From(lean));
        Assert.Equal(new VerifyBatchTooLarge((ulong)keys.Length, PermitRegistryContract.MaxVerifyBatch), ContractErrors.TryDecode(RevertData.From(lean)));
        // The binding over the pool raises the typed error, as over Nethereum's client.
        var (error, _) = await Expect.Refusal<VerifyBatchTooLarge>(() => new PermitRegistryContract(Registry, pool).VerifyManyAtHeadAsync(keys));
        Assert.Equal((ulong)keys.Length, error.Size);
        Assert.True(Assert.Single(pool.GetHealth()).IsUp);
    }

    [Fact]
    public async Task A_block_the_node_does_not_have_is_the_json_rpc_error_nethereum_raises()
    {
        var call = PermitRegistryCalls.MaxVerifyBatch();
        var head = await Net.Devnet.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync();
        var future = new BlockParameter(new HexBigInteger(head.Value + 1_000_000));
        using var pool = new NodePool([Net.Devnet.RpcUrl]);

        var lean = await Assert.ThrowsAsync<RpcResponseException>(() => pool.CallAsync(Registry, call.Data, future, CancellationToken.None));
        var nethereum = await Assert.ThrowsAsync<RpcResponseException>(() => NethereumCallAsync(call.Data, future));

        Assert.Equal(nethereum.RpcError.Code, lean.RpcError.Code);
        Assert.Equal(nethereum.RpcError.Message, lean.RpcError.Message);
        Assert.Equal(nethereum.Message, lean.Message);
    }

    [Fact]
    public async Task A_dead_endpoint_is_passed_over_and_marked_down()
    {
        using var pool = new NodePool([FreePort.ClosedEndpoint(), Net.Devnet.RpcUrl]);
        var changes = new List<NodeHealth>();
        pool.HealthChanged += (_, health) => changes.Add(health);

        var answer = await pool.CallAsync(Registry, PermitRegistryCalls.MaxVerifyBatch().Data, null, CancellationToken.None);

        Assert.Equal(PermitRegistryContract.MaxVerifyBatch, (int)answer[^1] + 256 * answer[^2]);
        var health = pool.GetHealth();
        Assert.False(health[0].IsUp);
        Assert.True(health[1].IsUp);
        Assert.Equal(health[0].Name, Assert.Single(changes).Name);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"jsonrpc":"2.0","id":-1,"result":"0x01"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{id},"result":"0xnothex"}""")]
    public async Task An_endpoint_answering_other_than_json_rpc_is_passed_over_and_marked_down(string answer)
    {
        await using var broken = new CannedJsonRpcServer(id => answer.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var pool = new NodePool([broken.Url, Net.Devnet.RpcUrl]);

        var returned = await pool.CallAsync(Registry, PermitRegistryCalls.MaxVerifyBatch().Data, null, CancellationToken.None);

        Assert.Equal(32, returned.Length);
        Assert.Equal(1, broken.Requests);
        var health = pool.GetHealth();
        Assert.Contains("not JSON-RPC", health[0].LastError, StringComparison.Ordinal);
        Assert.True(health[1].IsUp);
    }

    [Theory]
    [InlineData("0xabc")]
    [InlineData("0xzz")]
    [InlineData("00ff")]
    public async Task A_malformed_result_through_nethereum_fails_as_the_lean_client_fails(string result)
    {
        await using var broken = new CannedJsonRpcServer(id => $$"""{"jsonrpc":"2.0","id":{{id}},"result":"{{result}}"}""");
        using var lean = new EthCallClient(broken.Url, TimeSpan.FromSeconds(10));
        var nethereum = new Nethereum.JsonRpc.Client.RpcClient(broken.Url);

        var viaLean = await Assert.ThrowsAsync<RpcClientUnknownException>(() => lean.CallAsync(Registry, new byte[4], "latest", CancellationToken.None));
        var viaNethereum = await Assert.ThrowsAsync<RpcClientUnknownException>(() => EthCalls.ViaNethereumAsync(nethereum, Registry, new byte[4], null, CancellationToken.None));

        Assert.Equal(viaLean.Message, viaNethereum.Message);
    }

    [Fact]
    public async Task An_answer_longer_than_the_bound_is_not_read()
    {
        var padding = new string('0', 4096);
        await using var large = new CannedJsonRpcServer(id => $$"""{"jsonrpc":"2.0","id":{{id}},"result":"0x{{padding}}"}""");
        using var small = new EthCallClient(large.Url, TimeSpan.FromSeconds(10), maxAnswerBytes: 1024);
        using var enough = new EthCallClient(large.Url, TimeSpan.FromSeconds(10), maxAnswerBytes: 8192);

        var failure = await Assert.ThrowsAsync<RpcClientUnknownException>(() => small.CallAsync(Registry, new byte[4], "latest", CancellationToken.None));
        Assert.Contains("longer than 1024 bytes", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2048, (await enough.CallAsync(Registry, new byte[4], "latest", CancellationToken.None)).Length);
    }

    [Fact]
    public async Task A_node_that_never_answers_times_out_and_is_marked_down()
    {
        await using var silent = SilentTcpServer.Start();
        // Endpoints built here: the Uri constructor would set Nethereum's process-wide timeout to
        // 300 ms for every other test's client running alongside.
        var timeout = TimeSpan.FromMilliseconds(300);
        using var pool = new NodePool(
            [new NodeEndpoint("silent", new RpcClient(silent.Url), new EthCallClient(silent.Url, timeout))],
            new NodePoolOptions { RequestTimeout = timeout }, null);

        var failure = await Assert.ThrowsAsync<NodeUnreachableException>(() => pool.CallAsync(Registry, new byte[4], null, CancellationToken.None));

        Assert.IsType<RpcClientTimeoutException>(failure.InnerException?.InnerException);
        Assert.False(Assert.Single(pool.GetHealth()).IsUp);
    }

    [Fact]
    public async Task A_caller_giving_up_ends_its_call_without_marking_the_node_down()
    {
        await using var silent = SilentTcpServer.Start();
        using var pool = new NodePool([silent.Url]);
        using var giveUp = new CancellationTokenSource();

        var call = pool.CallAsync(Registry, new byte[4], null, giveUp.Token);
        await silent.WaitForConnectionAsync();
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(Assert.Single(pool.GetHealth()).IsUp);
    }

    private Task<string> NethereumCallAsync(byte[] data, BlockParameter block) =>
        new EthCall(Net.Rpc).SendRequestAsync(new CallInput { To = Registry.ToLowerHex(), Data = "0x" + Convert.ToHexStringLower(data) }, block);
}
