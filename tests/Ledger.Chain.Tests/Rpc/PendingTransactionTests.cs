using System.Globalization;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>An anvil that mines only when told, so transactions can be seen pending and dropped.</summary>
public sealed class ManualMiningAnvilFixture : AnvilFixture
{
    /// <inheritdoc />
    protected override AnvilDevnetOptions Options => new() { ExtraArguments = ["--no-mining"] };
}

/// <summary>What a sender needs to tell pending, mined and dropped transactions apart.</summary>
public class PendingTransactionTests(ManualMiningAnvilFixture fixture) : IClassFixture<ManualMiningAnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    private IRpcClient Client => fixture.Devnet.Client;

    [Fact]
    public async Task A_transaction_is_pending_until_mined_and_counts_in_the_pending_nonce_only()
    {
        var sender = Devnet.Accounts[0].Address;
        var latestBefore = await Client.GetTransactionCountAsync(sender);

        var hash = await Devnet.SendTransactionAsync(sender, Devnet.Accounts[1].Address, value: 5);

        var pending = await Client.GetTransactionByHashAsync(hash);
        Assert.NotNull(pending);
        Assert.True(pending.IsPending);
        Assert.Null(pending.BlockHash);
        Assert.Equal(latestBefore, pending.Nonce);
        Assert.Null(await Client.GetTransactionReceiptAsync(hash));
        Assert.Equal(latestBefore, await Client.GetTransactionCountAsync(sender, BlockTag.Latest));
        Assert.Equal(latestBefore + 1, await Client.GetTransactionCountAsync(sender, BlockTag.Pending));

        await Devnet.MineAsync();

        var mined = await Client.GetTransactionByHashAsync(hash);
        Assert.False(mined!.IsPending);
        Assert.Equal(await Client.GetBlockNumberAsync(), mined.BlockNumber);
        Assert.True((await Client.GetTransactionReceiptAsync(hash))!.Succeeded);
    }

    [Fact]
    public async Task A_dropped_transaction_is_unknown_to_the_node()
    {
        var hash = await Devnet.SendTransactionAsync(Devnet.Accounts[2].Address, Devnet.Accounts[1].Address, value: 1);
        Assert.True((await Client.GetTransactionByHashAsync(hash))!.IsPending);

        await Client.SendAsync("anvil_dropTransaction", [hash.ToString()]);

        Assert.Null(await Client.GetTransactionByHashAsync(hash));
    }

    [Fact]
    public async Task Sending_a_pending_raw_transaction_again_is_refused_as_already_known()
    {
        var signer = Devnet.Accounts[4];
        var nonce = await Client.GetTransactionCountAsync(signer.Address, BlockTag.Pending);
        var cast = await CastBatch.RunAsync([[
            "mktx", "--private-key", signer.PrivateKeyHex, "--nonce", nonce.ToString(CultureInfo.InvariantCulture),
            "--chain", Devnet.ChainId.ToString(CultureInfo.InvariantCulture), "--gas-limit", "21000",
            "--gas-price", "100000000000", "--priority-gas-price", "1000000000",
            Hex.Encode(Devnet.Accounts[1].Address.Bytes),
        ]]);
        var raw = Hex.Decode(cast[0]);
        var hash = await Client.SendRawTransactionAsync(raw);

        var again = await Assert.ThrowsAsync<RpcErrorException>(() => Client.SendRawTransactionAsync(raw));

        Assert.Contains("already", again.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.True((await Client.GetTransactionByHashAsync(hash))!.IsPending);
    }
}
