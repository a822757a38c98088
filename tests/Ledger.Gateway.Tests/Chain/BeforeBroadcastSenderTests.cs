using System.Numerics;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;
using Ledger.Testing;
using Ledger.Gateway.Tests.Support;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>
/// What a registration relies on to keep its document before its transaction can be mined, against
/// a real node (anvil): the work runs after the gas estimate and before anything reaches the node;
/// a call the estimate refuses never runs it; when it fails nothing is sent and no nonce is used.
/// </summary>
public sealed class BeforeBroadcastSenderTests
{
    private static readonly TransactionSenderOptions Sending = TestOptions.FastSending;

    [Fact]
    public async Task The_work_runs_before_the_node_has_the_transaction_and_only_for_a_call_that_would_succeed()
    {
        await using var anvil = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { BlockTime = TimeSpan.FromMilliseconds(300), ZeroGasPrice = true });
        var account = anvil.Accounts[1];
        var recipient = anvil.Accounts[2].Address;
        var inner = new TransactionSender(anvil.Client, account.Key(), anvil.ChainId, Sending);
        var start = await CountAsync(anvil.Client, account.Address);

        var pendingWhileWorking = new List<ulong>();
        var working = new BeforeBroadcastSender(inner, async _ => pendingWhileWorking.Add(await CountAsync(anvil.Client, account.Address)));
        var sent = await working.SendAsync(new TransactionRequest(recipient, ReadOnlyMemory<byte>.Empty, BigInteger.One));

        // Init code that reverts (PUSH1 0, PUSH1 0, REVERT): the estimate refuses it, so the work must not run.
        var refusedRan = false;
        var refusing = new BeforeBroadcastSender(inner, _ => { refusedRan = true; return Task.CompletedTask; });
        await Assert.ThrowsAsync<TransactionRevertedException>(() => refusing.SendAsync(new TransactionRequest(null, new byte[] { 0x60, 0x00, 0x60, 0x00, 0xfd })));

        var failing = new BeforeBroadcastSender(inner, _ => throw new InvalidOperationException("the document store refused"));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.SendAsync(new TransactionRequest(recipient, ReadOnlyMemory<byte>.Empty, BigInteger.One)));
        var countAfterFailure = await CountAsync(anvil.Client, account.Address);
        var next = await inner.SendAsync(new TransactionRequest(recipient, ReadOnlyMemory<byte>.Empty, BigInteger.One));

        Assert.Equal([start], pendingWhileWorking);
        Assert.Equal(start, (ulong)(await anvil.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(sent.Hash.ToHex())).Nonce.Value);
        Assert.False(refusedRan);
        Assert.Equal("the document store refused", failure.Message);
        Assert.Equal(start + 1, countAfterFailure);
        // The failed attempt's nonce went back: no gap.
        Assert.Equal(start + 1, (ulong)(await anvil.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(next.Hash.ToHex())).Nonce.Value);
    }

    private static async Task<ulong> CountAsync(IClient client, Address account) =>
        (ulong)(await new Web3(client).Eth.Transactions.GetTransactionCount.SendRequestAsync(account.ToLowerHex(), BlockParameter.CreatePending())).Value;
}
