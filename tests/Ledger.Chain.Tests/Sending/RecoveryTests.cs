using System.Text.Json;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>
/// Nonces stay right when things go wrong: a restarted sender, transactions from the same key
/// sent by someone else, a dropped transaction, and a broadcast that fails or loses its answer.
/// Mining is manual here, so pending transactions can be seen and dropped.
/// </summary>
public class RecoveryTests
{
    private static readonly AnvilDevnetOptions ManualMining = new() { ExtraArguments = ["--no-mining"] };

    [Fact]
    public async Task A_restarted_sender_continues_after_the_transactions_still_pending()
    {
        await using var devnet = await AnvilDevnet.StartAsync(ManualMining);
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var to = devnet.Accounts[2].Address;
        var before = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var first = before.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        var second = before.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 2);

        // A new instance, as after a process restart, while both are still in the pool.
        var restarted = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var third = restarted.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 3);
        await devnet.MineAsync();

        var outcomes = await Task.WhenAll(first, second, third);
        var nonces = await NoncesOfAsync(devnet, outcomes);
        Assert.Equal([0UL, 1UL, 2UL], nonces.Order());
        Assert.Equal(2UL, nonces[2]);
    }

    [Fact]
    public async Task Nonces_used_by_another_sender_of_the_same_key_are_skipped()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var account = devnet.Accounts[1];
        using var key = SendingKit.KeyOf(account);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var to = devnet.Accounts[2].Address;
        await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        // Someone else uses the same account (anvil signs for its dev accounts): nonce 1 is gone.
        var foreign = await devnet.SendTransactionAsync(account.Address, to, value: 1);
        Assert.Equal(1UL, (await devnet.Client.GetTransactionByHashAsync(foreign))!.Nonce);

        var outcome = await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(2UL, (await devnet.Client.GetTransactionByHashAsync(outcome.Hash))!.Nonce);
        var broadcasts = rpc.CallsOf("eth_sendRawTransaction");
        Assert.Equal(3, broadcasts.Count);
        Assert.Contains("nonce too low", Assert.IsType<RpcErrorException>(broadcasts[1].Error).RpcMessage);
        Assert.Equal(3UL, await devnet.Client.GetTransactionCountAsync(account.Address, BlockTag.Pending));
    }

    [Fact]
    public async Task A_dropped_transaction_is_broadcast_again_and_completes()
    {
        await using var devnet = await AnvilDevnet.StartAsync(ManualMining);
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { RebroadcastAfter = TimeSpan.FromMilliseconds(200) });
        var send = sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty, Value: 5));
        var hash = SendingKit.HashOf(await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 1));

        await devnet.Client.SendAsync("anvil_dropTransaction", [hash.ToString()]);
        Assert.Null(await devnet.Client.GetTransactionByHashAsync(hash));

        var again = await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 2);
        Assert.Null(again.Error);
        Assert.Equal(hash, SendingKit.HashOf(again));
        Assert.False(send.IsCompleted);
        await devnet.MineAsync();
        var outcome = await send;

        Assert.Equal(hash, outcome.Hash);
        Assert.True(outcome.Receipt.Succeeded);
    }

    [Fact]
    public async Task A_dropped_transaction_whose_nonce_was_taken_is_reported_and_the_next_send_moves_on()
    {
        await using var devnet = await AnvilDevnet.StartAsync(ManualMining);
        var account = devnet.Accounts[1];
        using var key = SendingKit.KeyOf(account);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { RebroadcastAfter = TimeSpan.FromMilliseconds(200) });
        var to = devnet.Accounts[2].Address;
        // The re-broadcast is held until the freed nonce has been taken, whatever the timing.
        var nonceTaken = new TaskCompletionSource();
        var broadcasts = 0;
        rpc.OnCall = async (method, _, forward) =>
        {
            if (method == "eth_sendRawTransaction" && Interlocked.Increment(ref broadcasts) == 2)
                await nonceTaken.Task;
            return await forward();
        };
        var send = sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        var hash = SendingKit.HashOf(await rpc.WaitForNthCallAsync("eth_sendRawTransaction", 1));
        await devnet.Client.SendAsync("anvil_dropTransaction", [hash.ToString()]);

        // Another transaction of the account takes the freed nonce 0 and is mined.
        var foreign = await devnet.SendTransactionAsync(account.Address, to, value: 1);
        await devnet.MineAsync();
        Assert.Equal(0UL, (await devnet.Client.GetTransactionByHashAsync(foreign))!.Nonce);
        nonceTaken.SetResult();

        var error = await Assert.ThrowsAsync<TransactionDroppedException>(() => send);
        Assert.Equal(hash, error.TransactionHash);
        Assert.Equal(0UL, error.Nonce);
        Assert.Contains(hash.ToString(), error.Message);
        Assert.Null(await devnet.Client.GetTransactionReceiptAsync(hash));

        var next = sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        await rpc.WaitForCallAsync(call => call.Method == "eth_sendRawTransaction" && call.Error is null && SendingKit.HashOf(call) != hash);
        await devnet.MineAsync();
        Assert.Equal(1UL, (await devnet.Client.GetTransactionByHashAsync((await next).Hash))!.Nonce);
    }

    [Fact]
    public async Task A_broadcast_the_node_refuses_leaves_its_nonce_to_the_next_send()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var to = devnet.Accounts[2].Address;
        await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        rpc.OnCall = FailFirst("eth_sendRawTransaction", () => new RpcErrorException("eth_sendRawTransaction", -32000, "txpool is full", null));

        var refused = await Assert.ThrowsAsync<RpcErrorException>(() => sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty)));
        var next = await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        Assert.Equal("txpool is full", refused.RpcMessage);
        Assert.Equal(1UL, (await devnet.Client.GetTransactionByHashAsync(next.Hash))!.Nonce);
        Assert.Equal(2UL, await devnet.Client.GetTransactionCountAsync(key.Address, BlockTag.Pending));
    }

    [Fact]
    public async Task A_broadcast_that_never_reached_the_node_throws_and_keeps_its_nonce()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var to = devnet.Accounts[2].Address;
        rpc.OnCall = FailFirst("eth_sendRawTransaction", () => new RpcTransportException("eth_sendRawTransaction", "http://127.0.0.1:1", "connection refused"));

        await Assert.ThrowsAsync<RpcTransportException>(() => sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty)));
        var next = await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(0UL, (await devnet.Client.GetTransactionByHashAsync(next.Hash))!.Nonce);
        Assert.Equal(1UL, await devnet.Client.GetTransactionCountAsync(key.Address, BlockTag.Pending));
    }

    [Fact]
    public async Task A_broadcast_whose_answer_was_lost_is_found_by_its_hash_and_completes()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);
        var to = devnet.Accounts[2].Address;
        var lost = 0;
        rpc.OnCall = async (method, _, forward) =>
        {
            var result = await forward();
            if (method == "eth_sendRawTransaction" && Interlocked.Exchange(ref lost, 1) == 0)
                throw new RpcTransportException(method, "http://127.0.0.1:1", "connection reset after the request was sent");
            return result;
        };

        var outcome = await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));
        var next = await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        Assert.True(outcome.Receipt.Succeeded);
        Assert.Equal(0UL, (await devnet.Client.GetTransactionByHashAsync(outcome.Hash))!.Nonce);
        Assert.Equal(1UL, (await devnet.Client.GetTransactionByHashAsync(next.Hash))!.Nonce);
    }

    private static ScriptedRpcClient.CallHandler FailFirst(string failing, Func<Exception> failure)
    {
        var failed = 0;
        return (method, _, forward) =>
            method == failing && Interlocked.Exchange(ref failed, 1) == 0 ? Task.FromException<JsonElement>(failure()) : forward();
    }

    private static async Task<ulong[]> NoncesOfAsync(AnvilDevnet devnet, IEnumerable<TransactionOutcome> outcomes) =>
        (await Task.WhenAll(outcomes.Select(o => devnet.Client.GetTransactionByHashAsync(o.Hash))))
        .Select(t => t!.Nonce).ToArray();

}
