using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Crypto;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Chain.Tests.Rpc;
using Ledger.Chain.Transactions;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>
/// The fee choice, checked against the values the node itself reported: EIP-1559 when blocks
/// carry a base fee, legacy when not, a forced price, a fee-less chain, and the cache.
/// </summary>
public class FeeTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Fact]
    public async Task With_a_base_fee_the_cap_is_twice_the_base_fee_plus_the_nodes_tip()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var (rpc, sent) = await SendOneAsync(devnet, SendingKit.FastOptions);

        var transaction = Assert.IsType<Eip1559Transaction>(sent.Transaction);
        var baseFee = HexQuantity.ParseBigInteger(Result(rpc, "eth_getBlockByNumber").GetProperty("baseFeePerGas").GetString()!);
        var tip = HexQuantity.ParseBigInteger(Result(rpc, "eth_maxPriorityFeePerGas").GetString()!);
        Assert.True(baseFee > 0 && tip > 0);
        Assert.Equal(tip, transaction.MaxPriorityFeePerGas);
        Assert.Equal(2 * baseFee + tip, transaction.MaxFeePerGas);
    }

    [Fact]
    public async Task A_configured_tip_replaces_the_nodes_suggestion()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var (rpc, sent) = await SendOneAsync(devnet, SendingKit.FastOptions with { MaxPriorityFeePerGas = 3 * Gwei });

        var transaction = Assert.IsType<Eip1559Transaction>(sent.Transaction);
        Assert.Equal(3 * Gwei, transaction.MaxPriorityFeePerGas);
        Assert.Empty(rpc.CallsOf("eth_maxPriorityFeePerGas"));
    }

    [Fact]
    public async Task Without_a_base_fee_a_legacy_transaction_pays_the_nodes_gas_price()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { Hardfork = "berlin" });
        var (rpc, sent) = await SendOneAsync(devnet, SendingKit.FastOptions);

        var transaction = Assert.IsType<LegacyTransaction>(sent.Transaction);
        Assert.False(Result(rpc, "eth_getBlockByNumber").TryGetProperty("baseFeePerGas", out _));
        Assert.Equal(HexQuantity.ParseBigInteger(Result(rpc, "eth_gasPrice").GetString()!), transaction.GasPrice);
        Assert.Equal(devnet.ChainId, transaction.ChainId);
    }

    [Fact]
    public async Task A_fixed_gas_price_forces_a_legacy_transaction_at_that_price_without_asking_the_node()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var (rpc, sent) = await SendOneAsync(devnet, SendingKit.FastOptions with { FixedGasPrice = 2 * Gwei });

        Assert.Equal(2 * Gwei, Assert.IsType<LegacyTransaction>(sent.Transaction).GasPrice);
        Assert.Empty(rpc.CallsOf("eth_getBlockByNumber"));
        Assert.Empty(rpc.CallsOf("eth_gasPrice"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_a_zero_gas_price_chain_an_account_without_ether_can_send(bool forceZeroGasPrice)
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { ZeroGasPrice = true });
        using var key = PrivateKey.Generate();
        var options = forceZeroGasPrice ? SendingKit.FastOptions with { FixedGasPrice = 0 } : SendingKit.FastOptions;
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, options);
        Assert.Equal(BigInteger.Zero, await devnet.Client.GetBalanceAsync(key.Address));

        // anvil's own eth_sendTransaction cannot pay 0 here (it adds a 1 gwei tip), so the sender deploys too.
        var deployed = await sender.SendAsync(new TransactionRequest(null, EvmCode.Deployable(GateContract.Runtime())));
        var called = await sender.SendAsync(new TransactionRequest(deployed.Receipt.ContractAddress, GateContract.Call(2)));

        Assert.True(deployed.Receipt.Succeeded && called.Receipt.Succeeded);
        Assert.Single(called.Receipt.Logs);
        Assert.Equal(BigInteger.Zero, deployed.Receipt.EffectiveGasPrice);
        Assert.Equal(BigInteger.Zero, called.Receipt.EffectiveGasPrice);
        var transaction = SendingKit.SignedTransactionOf(rpc.CallsOf("eth_sendRawTransaction")[0]).Transaction;
        if (forceZeroGasPrice)
            Assert.Equal(BigInteger.Zero, Assert.IsType<LegacyTransaction>(transaction).GasPrice);
        else
            Assert.Equal(BigInteger.Zero, Assert.IsType<Eip1559Transaction>(transaction).MaxFeePerGas);
        Assert.Equal(BigInteger.Zero, await devnet.Client.GetBalanceAsync(key.Address));
    }

    [Fact]
    public async Task Concurrent_and_following_sends_share_one_fee_lookup_while_it_is_fresh()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { FeeCacheDuration = TimeSpan.FromHours(1) });
        var to = devnet.Accounts[2].Address;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty))));
        await sender.SendAsync(new TransactionRequest(to, ReadOnlyMemory<byte>.Empty));

        Assert.Single(rpc.CallsOf("eth_getBlockByNumber"));
        Assert.Equal(11, rpc.CallsOf("eth_sendRawTransaction").Count);
    }

    [Fact]
    public async Task Without_caching_every_send_looks_the_fees_up_again()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { FeeCacheDuration = TimeSpan.Zero });

        for (var i = 0; i < 3; i++)
            await sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(3, rpc.CallsOf("eth_getBlockByNumber").Count);
    }

    [Fact]
    public async Task A_node_without_eth_maxPriorityFeePerGas_gets_the_gas_price_above_the_base_fee_as_tip()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client)
        {
            OnCall = (method, _, forward) => method == "eth_maxPriorityFeePerGas"
                ? Task.FromException<JsonElement>(new RpcErrorException(method, -32601, "the method eth_maxPriorityFeePerGas does not exist", null))
                : forward(),
        };
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions);

        await sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty));

        var transaction = Assert.IsType<Eip1559Transaction>(SendingKit.SignedTransactionOf(Assert.Single(rpc.CallsOf("eth_sendRawTransaction"))).Transaction);
        var baseFee = HexQuantity.ParseBigInteger(Result(rpc, "eth_getBlockByNumber").GetProperty("baseFeePerGas").GetString()!);
        var gasPrice = HexQuantity.ParseBigInteger(Result(rpc, "eth_gasPrice").GetString()!);
        Assert.Equal(gasPrice - baseFee, transaction.MaxPriorityFeePerGas);
        Assert.Equal(2 * baseFee + gasPrice - baseFee, transaction.MaxFeePerGas);
    }

    [Fact]
    public async Task A_failed_fee_lookup_is_not_cached()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var failed = 0;
        var rpc = new ScriptedRpcClient(devnet.Client)
        {
            OnCall = (method, _, forward) => method == "eth_getBlockByNumber" && Interlocked.Exchange(ref failed, 1) == 0
                ? Task.FromException<JsonElement>(new RpcTransportException(method, "http://127.0.0.1:1", "connection refused"))
                : forward(),
        };
        var sender = new TransactionSender(rpc, key, devnet.ChainId, SendingKit.FastOptions with { FeeCacheDuration = TimeSpan.FromHours(1) });
        var request = new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty);

        await Assert.ThrowsAsync<RpcTransportException>(() => sender.SendAsync(request));
        var outcome = await sender.SendAsync(request);

        Assert.True(outcome.Receipt.Succeeded);
        Assert.Equal(2, rpc.CallsOf("eth_getBlockByNumber").Count);
        Assert.Single(rpc.CallsOf("eth_sendRawTransaction"));
    }

    private static async Task<(ScriptedRpcClient Rpc, SignedTransaction Sent)> SendOneAsync(AnvilDevnet devnet, TransactionSenderOptions options)
    {
        using var key = SendingKit.KeyOf(devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(devnet.Client);
        var sender = new TransactionSender(rpc, key, devnet.ChainId, options);
        var outcome = await sender.SendAsync(new TransactionRequest(devnet.Accounts[2].Address, ReadOnlyMemory<byte>.Empty, Value: 1));
        Assert.True(outcome.Receipt.Succeeded);
        var sent = SendingKit.SignedTransactionOf(Assert.Single(rpc.CallsOf("eth_sendRawTransaction")));
        Assert.Equal(outcome.Hash.Bytes.ToArray(), sent.Hash.ToArray());
        return (rpc, sent);
    }

    private static JsonElement Result(ScriptedRpcClient rpc, string method) =>
        Assert.Single(rpc.CallsOf(method), call => call.Error is null).Result!.Value;
}
