using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>Waiting for the receipt: confirmations, the timeout on the sender's clock, cancellation, and a dead endpoint.</summary>
public class WaitingTests
{
    [Fact]
    public async Task With_two_confirmations_the_outcome_arrives_only_once_two_more_blocks_are_sealed()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { Confirmations = 2 });

        var send = sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty));
        var hash = SendingKit.HashOf(await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 1));
        var included = (await devnet.WaitForReceiptAsync(hash)).BlockNumber;

        // The sender has seen the receipt and the head at the inclusion block: not enough.
        await WaitForHeadSeenAsync(rpc, included);
        Assert.False(send.IsCompleted);
        await devnet.MineAsync();
        await WaitForHeadSeenAsync(rpc, included + 1);
        Assert.False(send.IsCompleted);
        await devnet.MineAsync();
        var outcome = await send.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(included, outcome.Receipt.BlockNumber);
        Assert.Equal(included + 2, await devnet.Client.GetBlockNumberAsync());
    }

    [Fact]
    public async Task Without_a_receipt_in_time_a_timeout_names_the_transaction_which_may_still_be_mined()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { ExtraArguments = ["--no-mining"] });
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var clock = new ManualTimeProvider();
        var options = SendingKit.FastOptions with { ReceiptTimeout = TimeSpan.FromMinutes(5), RebroadcastAfter = TimeSpan.FromHours(1) };
        var sender = new TransactionSender(rpc, key, devnet.ChainId, options, timeProvider: clock);

        var send = sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty));
        var hash = SendingKit.HashOf(await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 1));
        await rpc.WaitForNthCallAsync("eth_getTransactionByHash", 1);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));

        var timeout = await Assert.ThrowsAsync<TransactionReceiptTimeoutException>(() => send);
        Assert.IsAssignableFrom<TimeoutException>(timeout);
        Assert.Equal(hash, timeout.TransactionHash);
        Assert.Equal(0UL, timeout.Nonce);
        Assert.Contains(hash.ToString(), timeout.Message);
        Assert.True((await devnet.Client.GetTransactionByHashAsync(hash))!.IsPending);
    }

    [Fact]
    public async Task Cancelling_while_waiting_throws_OperationCanceledException_not_a_timeout()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { ExtraArguments = ["--no-mining"] });
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        using var cancel = new CancellationTokenSource();

        var send = sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty), cancel.Token);
        await rpc.WaitForNthCallAsync("eth_getTransactionReceipt", 1);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.IsNotType<TransactionReceiptTimeoutException>(error);
    }

    [Fact]
    public async Task Sends_and_calls_succeed_through_a_pool_whose_first_endpoint_is_dead()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var gate = await GateContract.DeployAsync(devnet, devnet.Accounts[9]);
        using var pool = new RpcEndpointPool([FreePort.ClosedEndpoint(), devnet.RpcUrl]);
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var sender = new TransactionSender(pool, key, devnet.ChainId, SendingKit.FastOptions);

        var first = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(1)));
        var second = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(2)));
        var call = await pool.CallAsync(new CallRequest { From = sender.From, To = gate, Data = GateContract.Call(3) });

        Assert.True(first.Receipt.Succeeded && second.Receipt.Succeeded);
        Assert.Empty(call);
        Assert.Contains(pool.GetHealth(), endpoint => !endpoint.IsUp);
    }

    private static Task WaitForHeadSeenAsync(ScriptedRpcClient rpc, ulong head) =>
        rpc.WaitForCallAsync(call => call.Method == "eth_blockNumber"
            && call.Result is { } result && HexQuantity.ParseUInt64(result.GetString()!) == head);
}
