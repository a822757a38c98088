using System.Numerics;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>Many sends at once from one key: every one mined once, nonces without gap or repeat.</summary>
public class ConcurrentNonceTests
{
    private const int Count = 200;

    [Fact]
    public async Task Two_hundred_concurrent_sends_from_one_key_use_nonces_0_to_199_exactly_once()
    {
        // Interval mining: automine can leave transactions pending under parallel load.
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { BlockTime = TimeSpan.FromSeconds(0.2) });
        var gate = await GateContract.DeployAsync(devnet, devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var sender = new TransactionSender(devnet.Client, key, devnet.ChainId, SendingKit.FastOptions with
        {
            ReceiptPollInterval = TimeSpan.FromMilliseconds(100),
        });
        Assert.Equal(0UL, await devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Count)
            .Select(value => sender.SendAsync(new TransactionRequest(gate, GateContract.Call(value)))));

        Assert.All(outcomes, outcome => Assert.True(outcome.Receipt.Succeeded));
        Assert.Equal(Count, outcomes.Select(o => o.Hash).Distinct().Count());
        var mined = await Task.WhenAll(outcomes.Select(o => devnet.Client.GetTransactionByHashAsync(o.Hash)));
        Assert.Equal(Enumerable.Range(0, Count).Select(n => (ulong)n), mined.Select(t => t!.Nonce).Order());
        Assert.Equal((ulong)Count, await devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Latest));
        Assert.Equal((ulong)Count, await devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending));
        // Each request ran exactly once, and its outcome is its own.
        for (var i = 0; i < Count; i++)
        {
            var log = Assert.Single(outcomes[i].Receipt.Logs);
            Assert.Equal(new BigInteger(i + 1), new BigInteger(log.Topics[1].Bytes, isUnsigned: true, isBigEndian: true));
        }
        Assert.True(outcomes.Select(o => o.Receipt.BlockNumber).Distinct().Count() > 1, "the sends should have spread over several blocks");
    }
}
