using System.Globalization;
using System.Text.Json;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>
/// Receipts, logs and transactions of a hand-assembled event emitter on a real anvil. Each
/// test emits fresh random words, so the tests sharing the chain never see each other's logs.
/// </summary>
public class ReceiptsAndLogsTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private readonly Random _random = new(4242);

    private AnvilDevnet Devnet => fixture.Devnet;

    private IRpcClient Client => fixture.Devnet.Client;

    private Address Deployer => Devnet.Accounts[0].Address;

    [Fact]
    public async Task A_deployment_receipt_names_the_contract_at_the_address_cast_computes()
    {
        var nonce = await Client.GetTransactionCountAsync(Deployer, BlockTag.Pending);

        var hash = await Devnet.SendTransactionAsync(Deployer, to: null, EvmCode.Deployable(EvmCode.EmitterRuntime()));
        var receipt = await Devnet.WaitForReceiptAsync(hash);

        var expected = await CastBatch.RunAsync([["compute-address", Hex.Encode(Deployer.Bytes), "--nonce", nonce.ToString(CultureInfo.InvariantCulture)]]);
        Assert.True(receipt.Succeeded);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(Deployer, receipt.From);
        Assert.Null(receipt.To);
        Assert.Equal(Address.Parse(expected[0].Split(' ')[^1]), receipt.ContractAddress);
        Assert.Empty(receipt.Logs);
        var block = await Client.GetBlockHeaderAsync(receipt.BlockNumber);
        Assert.Equal(block!.Hash, receipt.BlockHash);
    }

    [Fact]
    public async Task A_call_s_receipt_carries_its_log_decoded_and_agrees_with_cast()
    {
        var emitter = await DeployEmitterAsync();
        var word = RandomWord();

        var hash = await Devnet.SendTransactionAsync(Deployer, emitter, word);
        var receipt = await Devnet.WaitForReceiptAsync(hash);

        Assert.Equal(1UL, receipt.Status);
        Assert.Equal(emitter, receipt.To);
        Assert.Null(receipt.ContractAddress);
        Assert.True(receipt.GasUsed > 21_000);
        Assert.NotNull(receipt.EffectiveGasPrice);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(emitter, log.Address);
        Assert.Equal([new Hash32(EvmCode.EventTopic), new Hash32(word)], log.Topics);
        Assert.Equal(word, log.Data);
        Assert.Equal(hash, log.TransactionHash);
        Assert.Equal(receipt.BlockHash, log.BlockHash);
        Assert.Equal(receipt.BlockNumber, log.BlockNumber);
        Assert.Equal(receipt.TransactionIndex, log.TransactionIndex);
        Assert.False(log.Removed);

        var cast = await CastBatch.RunAsync([["receipt", hash.ToString(), "--json", "--rpc-url", Devnet.RpcUrl.ToString()]]);
        using var json = JsonDocument.Parse(cast[0]);
        var expected = json.RootElement;
        Assert.Equal(HexQuantity.ParseUInt64(expected.GetProperty("gasUsed").GetString()!), receipt.GasUsed);
        Assert.Equal(HexQuantity.ParseUInt64(expected.GetProperty("cumulativeGasUsed").GetString()!), receipt.CumulativeGasUsed);
        Assert.Equal(HexQuantity.ParseBigInteger(expected.GetProperty("effectiveGasPrice").GetString()!), receipt.EffectiveGasPrice);
        Assert.Equal(HexQuantity.ParseUInt64(expected.GetProperty("blockNumber").GetString()!), receipt.BlockNumber);
        var expectedLog = expected.GetProperty("logs")[0];
        Assert.Equal(HexQuantity.ParseUInt64(expectedLog.GetProperty("logIndex").GetString()!), log.LogIndex);
        Assert.Equal(Hex.Decode(expectedLog.GetProperty("data").GetString()!), log.Data);
    }

    [Fact]
    public async Task Get_logs_filters_by_address_topic_or_sets_wildcards_and_block_range()
    {
        var first = await DeployEmitterAsync();
        var second = await DeployEmitterAsync();
        var (a, b, c, d) = (RandomWord(), RandomWord(), RandomWord(), RandomWord());
        var receiptA = await EmitAsync(first, a);
        var receiptB = await EmitAsync(first, b);
        await EmitAsync(first, c);
        await EmitAsync(second, d);
        var from = BlockTag.AtNumber(receiptA.BlockNumber);
        var topic = new Hash32(EvmCode.EventTopic);

        async Task<IEnumerable<byte[]>> WordsAsync(LogFilter filter) =>
            (await Client.GetLogsAsync(filter with { FromBlock = filter.FromBlock ?? from })).Select(l => l.Data);

        Assert.Equal([a, b, c], await WordsAsync(new LogFilter { Addresses = [first], Topics = [[topic]] }));
        Assert.Equal([a, c], await WordsAsync(new LogFilter { Addresses = [first], Topics = [[topic], [new(a), new(c)]] }));
        Assert.Equal([b], await WordsAsync(new LogFilter { Topics = [null, [new(b)]] }));
        Assert.Equal([a, d], await WordsAsync(new LogFilter { Addresses = [first, second], Topics = [null, [new(a), new(d)]] }));
        Assert.Equal([b], await WordsAsync(new LogFilter { Addresses = [first], FromBlock = receiptB.BlockNumber, ToBlock = receiptB.BlockNumber }));
        Assert.Empty(await WordsAsync(new LogFilter { Addresses = [second], Topics = [[new(a)]] }));
    }

    [Fact]
    public void A_log_filter_that_cannot_match_is_refused_before_sending()
    {
        Assert.Throws<ArgumentException>(() => new LogFilter { Topics = [null, null, null, null, null] }.Validate());
        Assert.Throws<ArgumentException>(() => new LogFilter { Topics = [[]] }.Validate());
        Assert.Throws<ArgumentException>(() => new LogFilter { FromBlock = 9, ToBlock = 3 }.Validate());
    }

    [Fact]
    public async Task A_mined_transaction_is_found_with_its_block_and_an_unknown_hash_is_null()
    {
        var emitter = await DeployEmitterAsync();
        var word = RandomWord();
        var hash = await Devnet.SendTransactionAsync(Deployer, emitter, word);
        var receipt = await Devnet.WaitForReceiptAsync(hash);

        var transaction = await Client.GetTransactionByHashAsync(hash);

        Assert.NotNull(transaction);
        Assert.False(transaction.IsPending);
        Assert.Equal(receipt.BlockNumber, transaction.BlockNumber);
        Assert.Equal(receipt.BlockHash, transaction.BlockHash);
        Assert.Equal(Deployer, transaction.From);
        Assert.Equal(emitter, transaction.To);
        Assert.Equal(word, transaction.Input);
        var unknown = new Hash32(RandomWord());
        Assert.Null(await Client.GetTransactionByHashAsync(unknown));
        Assert.Null(await Client.GetTransactionReceiptAsync(unknown));
    }

    [Fact]
    public async Task A_raw_transaction_signed_by_cast_is_accepted_under_the_hash_of_its_bytes()
    {
        var signer = Devnet.Accounts[3];
        var nonce = await Client.GetTransactionCountAsync(signer.Address, BlockTag.Pending);
        var chainId = await Client.GetChainIdAsync();
        var cast = await CastBatch.RunAsync([[
            "mktx", "--private-key", signer.PrivateKeyHex, "--nonce", nonce.ToString(CultureInfo.InvariantCulture),
            "--chain", chainId.ToString(CultureInfo.InvariantCulture), "--gas-limit", "100000",
            "--gas-price", "100000000000", "--priority-gas-price", "1000000000",
            "--create", Hex.Encode(EvmCode.Deployable(EvmCode.EmitterRuntime())),
        ]]);
        var raw = Hex.Decode(cast[0]);

        var hash = await Client.SendRawTransactionAsync(raw);

        Assert.Equal(new Hash32(Keccak256.Hash(raw)), hash);
        var receipt = await Devnet.WaitForReceiptAsync(hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(signer.Address, receipt.From);
        // Sending the same bytes again (as after a failover) is refused by the node with a message the sender can recognise.
        var again = await Assert.ThrowsAsync<RpcErrorException>(() => Client.SendRawTransactionAsync(raw));
        Assert.Contains("nonce too low", again.RpcMessage);
    }

    [Fact]
    public async Task Gas_estimates_suffice_for_the_transaction()
    {
        var emitter = await DeployEmitterAsync();
        var word = RandomWord();

        var estimate = await Client.EstimateGasAsync(new CallRequest { From = Deployer, To = emitter, Data = word });
        var atLatest = await Client.EstimateGasAsync(new CallRequest { From = Deployer, To = emitter, Data = word }, BlockTag.Latest);

        Assert.InRange(estimate, 21_000UL + 1, 100_000UL);
        Assert.Equal(estimate, atLatest);
        var receipt = await EmitAsync(emitter, word);
        Assert.True(receipt.GasUsed <= estimate);
    }

    private async Task<Address> DeployEmitterAsync()
    {
        var hash = await Devnet.SendTransactionAsync(Deployer, to: null, EvmCode.Deployable(EvmCode.EmitterRuntime()));
        var receipt = await Devnet.WaitForReceiptAsync(hash);
        return receipt.ContractAddress ?? throw new InvalidOperationException("The emitter was not deployed.");
    }

    private async Task<TransactionReceipt> EmitAsync(Address emitter, byte[] word) =>
        await Devnet.WaitForReceiptAsync(await Devnet.SendTransactionAsync(Deployer, emitter, word));

    private byte[] RandomWord()
    {
        var word = new byte[32];
        lock (_random)
            _random.NextBytes(word);
        return word;
    }
}
