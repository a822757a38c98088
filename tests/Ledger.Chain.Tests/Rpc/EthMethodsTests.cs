using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>The typed read methods against a real anvil, checked against cast reading the same node.</summary>
public class EthMethodsTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    private IRpcClient Client => fixture.Devnet.Client;

    [Fact]
    public async Task Chain_id_and_network_identity_match_the_devnet_and_cast()
    {
        var cast = await CastAsync(["chain-id"], ["client"]);

        Assert.Equal(Devnet.Options.ChainId, await Client.GetChainIdAsync());
        Assert.Equal(ulong.Parse(cast[0], CultureInfo.InvariantCulture), await Client.GetChainIdAsync());
        Assert.Equal(Devnet.Options.ChainId.ToString(CultureInfo.InvariantCulture), await Client.GetNetVersionAsync());
        var clientVersion = await Client.GetClientVersionAsync();
        Assert.Equal(cast[1], clientVersion);
        Assert.StartsWith("anvil", clientVersion, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Block_number_increases_by_the_blocks_mined()
    {
        var before = await Client.GetBlockNumberAsync();
        Assert.Equal(ulong.Parse((await CastAsync(["block-number"]))[0], CultureInfo.InvariantCulture), before);

        await Devnet.MineAsync(2);

        Assert.Equal(before + 2, await Client.GetBlockNumberAsync());
    }

    [Fact]
    public async Task Dev_accounts_hold_their_balance_and_unknown_accounts_nothing()
    {
        var untouched = Devnet.Accounts[^1].Address; // no test spends from the last account
        var stranger = new Address(Keccak256.HashUtf8("nobody")[..20]);
        var cast = await CastAsync(["balance", Hex.Encode(untouched.Bytes)]);

        var balance = await Client.GetBalanceAsync(untouched);

        Assert.Equal(BigInteger.Parse("10000000000000000000000", CultureInfo.InvariantCulture), balance);
        Assert.Equal(BigInteger.Parse(cast[0], CultureInfo.InvariantCulture), balance);
        Assert.Equal(BigInteger.Zero, await Client.GetBalanceAsync(stranger));
        Assert.Equal(balance, await Client.GetBalanceAsync(untouched, BlockTag.AtNumber(0)));
    }

    [Fact]
    public async Task Transaction_count_follows_sent_transactions()
    {
        var sender = Devnet.Accounts[1].Address;
        var before = await Client.GetTransactionCountAsync(sender);
        Assert.Equal(before, await Client.GetTransactionCountAsync(sender, BlockTag.Pending));

        var hash = await Devnet.SendTransactionAsync(sender, Devnet.Accounts[2].Address, value: 1);
        await Devnet.WaitForReceiptAsync(hash);

        var after = await Client.GetTransactionCountAsync(sender);
        Assert.Equal(before + 1, after);
        Assert.Equal(ulong.Parse((await CastAsync(["nonce", Hex.Encode(sender.Bytes)]))[0], CultureInfo.InvariantCulture), after);
    }

    [Fact]
    public async Task Gas_price_and_priority_fee_are_what_cast_reads()
    {
        var cast = await CastAsync(["gas-price"]);

        var gasPrice = await Client.GetGasPriceAsync();
        var priorityFee = await Client.GetMaxPriorityFeePerGasAsync();

        Assert.Equal(BigInteger.Parse(cast[0], CultureInfo.InvariantCulture), gasPrice);
        Assert.NotNull(priorityFee);
        Assert.True(priorityFee > 0, "anvil suggests a non-zero tip by default");
    }

    [Fact]
    public async Task Block_headers_match_cast_s_reading_of_the_same_block()
    {
        await Devnet.MineAsync();
        var header = await Client.GetBlockHeaderAsync(BlockTag.Latest);
        Assert.NotNull(header);

        var cast = await CastAsync(["block", header.Number.ToString(CultureInfo.InvariantCulture), "--json"]);
        using var block = JsonDocument.Parse(cast[0]);
        var expected = block.RootElement;

        Assert.Equal(Hash32.Parse(expected.GetProperty("hash").GetString()!), header.Hash);
        Assert.Equal(Hash32.Parse(expected.GetProperty("parentHash").GetString()!), header.ParentHash);
        Assert.Equal(HexQuantity.ParseUInt64(expected.GetProperty("timestamp").GetString()!), header.Timestamp);
        Assert.Equal(HexQuantity.ParseUInt64(expected.GetProperty("gasLimit").GetString()!), header.GasLimit);
        Assert.Equal(HexQuantity.ParseBigInteger(expected.GetProperty("baseFeePerGas").GetString()!), header.BaseFeePerGas);
        Assert.Equal(header, await Client.GetBlockHeaderAsync(header.Number));
        var parent = await Client.GetBlockHeaderAsync(header.Number - 1);
        Assert.Equal(header.ParentHash, parent!.Hash);
        Assert.True(header.TimestampUtc >= parent.TimestampUtc);
    }

    [Fact]
    public async Task A_block_not_yet_mined_is_null()
    {
        var future = await Client.GetBlockNumberAsync() + 1000;

        Assert.Null(await Client.GetBlockHeaderAsync(future));
    }

    [Fact]
    public async Task An_unknown_method_is_the_node_s_error_not_a_transport_failure()
    {
        var error = await Assert.ThrowsAsync<RpcErrorException>(() => Client.SendAsync("eth_noSuchMethod", []));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("eth_noSuchMethod", error.Method);
    }

    private Task<IReadOnlyList<string>> CastAsync(params IReadOnlyList<string>[] commands) =>
        CastBatch.RunAsync(commands.Select(c => (IReadOnlyList<string>)[.. c, "--rpc-url", Devnet.RpcUrl.ToString()]).ToList());
}
