using System.Numerics;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Chain.Tests.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>Sending calls and deployments on an automining anvil: receipts, logs, gas limits and input checks.</summary>
public class TransactionSenderTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task A_call_returns_its_successful_receipt_with_the_events_it_emitted()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[1]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);

        var outcome = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(12345)));

        Assert.True(outcome.Receipt.Succeeded);
        Assert.Equal(outcome.Hash, outcome.Receipt.TransactionHash);
        Assert.Equal(Devnet.Accounts[1].Address, outcome.Receipt.From);
        Assert.Equal(sender.From, outcome.Receipt.From);
        var log = Assert.Single(outcome.Receipt.Logs);
        var passed = GateContract.Abi.DecodeLog([.. log.Topics.Select(t => t.Bytes.ToArray())], log.Data)!;
        Assert.Equal("Passed", passed.Event.Name);
        Assert.Equal(new BigInteger(12345), passed.Values["value"]);
        Assert.Equal(sender.From, passed.Values["sender"]);
        var onChain = await Devnet.Client.GetTransactionReceiptAsync(outcome.Hash);
        Assert.Equal(onChain!.BlockHash, outcome.Receipt.BlockHash);
    }

    [Fact]
    public async Task A_request_without_recipient_deploys_its_data_as_init_code()
    {
        using var key = SendingKit.KeyOf(Devnet.Accounts[2]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);

        var deployed = await sender.SendAsync(new TransactionRequest(null, EvmCode.Deployable(GateContract.Runtime())));
        var gate = Assert.NotNull(deployed.Receipt.ContractAddress);
        var called = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(7)));

        Assert.Null(deployed.Receipt.To);
        Assert.Equal(gate, Assert.Single(called.Receipt.Logs).Address);
    }

    [Fact]
    public async Task Value_is_transferred_with_the_call()
    {
        using var key = SendingKit.KeyOf(Devnet.Accounts[3]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);
        var recipient = Address.Parse("0x00000000000000000000000000000000000a11ce");
        var before = await Devnet.Client.GetBalanceAsync(recipient);

        await sender.SendAsync(new TransactionRequest(recipient, ReadOnlyMemory<byte>.Empty, Value: 1_000_000_007));

        Assert.Equal(before + 1_000_000_007, await Devnet.Client.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task The_gas_limit_is_the_nodes_estimate_times_the_multiplier_plus_the_headroom()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[4]);
        var options = SendingKit.FastOptions with { GasEstimateMultiplier = 1.5, GasHeadroom = 1_234 };
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, options);
        var data = GateContract.Call(99);
        var estimate = await Devnet.Client.EstimateGasAsync(new CallRequest { From = sender.From, To = gate, Data = data });

        var outcome = await sender.SendAsync(new TransactionRequest(gate, data));

        var mined = await Devnet.Client.GetTransactionByHashAsync(outcome.Hash);
        Assert.Equal((ulong)Math.Ceiling(estimate * 1.5) + 1_234, mined!.Gas);
        Assert.True(outcome.Receipt.GasUsed <= estimate);
    }

    [Fact]
    public async Task An_explicit_gas_limit_is_used_as_given_without_estimating()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[4]);
        var rpc = new ScriptedRpcClient(Devnet.Client);
        var sender = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions);

        var outcome = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(5), GasLimit: 77_777));

        Assert.Equal(77_777UL, (await Devnet.Client.GetTransactionByHashAsync(outcome.Hash))!.Gas);
        Assert.Empty(rpc.CallsOf("eth_estimateGas"));
    }

    [Fact]
    public async Task The_gas_limit_is_capped_and_a_call_estimated_above_the_cap_sends_nothing()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[5]);
        var rpc = new ScriptedRpcClient(Devnet.Client);
        var data = GateContract.Call(5);
        var estimate = await Devnet.Client.EstimateGasAsync(new CallRequest { From = key.Address, To = gate, Data = data });
        var nonceBefore = await Devnet.Client.GetTransactionCountAsync(key.Address, BlockTag.Pending);

        // A cap between the estimate and estimate × 1.25 + headroom: the limit is clamped to it.
        var capped = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions with { MaxGasLimit = estimate + 1 });
        var outcome = await capped.SendAsync(new TransactionRequest(gate, data));
        Assert.Equal(estimate + 1, (await Devnet.Client.GetTransactionByHashAsync(outcome.Hash))!.Gas);

        // A cap below the estimate: refused before signing.
        var tooLow = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions with { MaxGasLimit = estimate - 1 });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => tooLow.SendAsync(new TransactionRequest(gate, data)));
        Assert.Contains(estimate.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Single(rpc.CallsOf("eth_sendRawTransaction"));
        Assert.Equal(nonceBefore + 1, await Devnet.Client.GetTransactionCountAsync(key.Address, BlockTag.Pending));
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_reaches_the_node()
    {
        using var key = SendingKit.KeyOf(Devnet.Accounts[6]);
        var rpc = new ScriptedRpcClient(Devnet.Client);
        var sender = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions with { MaxDataBytes = 100, MaxGasLimit = 1_000_000 });
        var somewhere = Devnet.Accounts[0].Address;

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(new TransactionRequest(somewhere, new byte[101])));
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(new TransactionRequest(somewhere, new byte[1], Value: -1)));
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(new TransactionRequest(null, ReadOnlyMemory<byte>.Empty)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sender.SendAsync(new TransactionRequest(somewhere, new byte[1], GasLimit: 1_000_001)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sender.SendAsync(new TransactionRequest(somewhere, new byte[1], GasLimit: 0)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => sender.SendAsync(null!));

        Assert.Empty(rpc.Calls);
    }

    [Fact]
    public async Task CreateAsync_signs_for_the_chain_the_node_reports()
    {
        using var key = SendingKit.KeyOf(Devnet.Accounts[7]);

        var sender = await TransactionSender.CreateAsync(Devnet.Client, key, SendingKit.FastOptions);
        var outcome = await sender.SendAsync(new TransactionRequest(Devnet.Accounts[0].Address, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(Devnet.ChainId, sender.ChainId);
        Assert.True(outcome.Receipt.Succeeded);
    }

    [Fact]
    public void Neither_the_sender_nor_its_inputs_print_the_key_or_the_data()
    {
        using var key = SendingKit.KeyOf(Devnet.Accounts[7]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId);
        var request = new TransactionRequest(null, new byte[] { 0xab, 0xcd, 0xef, 0x12 });
        var keyHex = Devnet.Accounts[7].PrivateKeyHex[2..];

        Assert.DoesNotContain(keyHex, sender.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.Address.ToString(), sender.ToString());
        Assert.DoesNotContain("abcdef12", request.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4 bytes", request.ToString());
    }

    [Theory]
    [InlineData(nameof(TransactionSenderOptions.GasEstimateMultiplier))]
    [InlineData(nameof(TransactionSenderOptions.MaxGasLimit))]
    [InlineData(nameof(TransactionSenderOptions.FixedGasPrice))]
    [InlineData(nameof(TransactionSenderOptions.ReceiptPollInterval))]
    [InlineData(nameof(TransactionSenderOptions.Confirmations))]
    [InlineData(nameof(TransactionSenderOptions.MaxDataBytes))]
    public void Options_out_of_range_are_refused_by_name(string setting)
    {
        var options = setting switch
        {
            nameof(TransactionSenderOptions.GasEstimateMultiplier) => new TransactionSenderOptions { GasEstimateMultiplier = 0.9 },
            nameof(TransactionSenderOptions.MaxGasLimit) => new TransactionSenderOptions { MaxGasLimit = 20_999 },
            nameof(TransactionSenderOptions.FixedGasPrice) => new TransactionSenderOptions { FixedGasPrice = -1 },
            nameof(TransactionSenderOptions.ReceiptPollInterval) => new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.Zero },
            nameof(TransactionSenderOptions.Confirmations) => new TransactionSenderOptions { Confirmations = -1 },
            _ => new TransactionSenderOptions { MaxDataBytes = -1 },
        };
        using var key = SendingKit.KeyOf(Devnet.Accounts[7]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(Devnet.Client, key, Devnet.ChainId, options));

        Assert.Equal(setting, error.ParamName);
    }
}
