using System.Diagnostics;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

public class AnvilDevnetTests
{
    [Fact]
    public async Task Two_devnets_start_concurrently_on_distinct_ports_with_their_own_chain_ids()
    {
        var starting = new[] { 1001UL, 1002UL }.Select(id => AnvilDevnet.StartAsync(new AnvilDevnetOptions { ChainId = id }));
        var devnets = await Task.WhenAll(starting);
        try
        {
            Assert.NotEqual(devnets[0].RpcUrl.Port, devnets[1].RpcUrl.Port);
            Assert.NotEqual(devnets[0].ProcessId, devnets[1].ProcessId);
            Assert.Equal(1001UL, await devnets[0].Client.GetChainIdAsync());
            Assert.Equal(1002UL, await devnets[1].Client.GetChainIdAsync());
        }
        finally
        {
            foreach (var devnet in devnets)
                await devnet.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposal_stops_the_anvil_process_and_frees_its_port()
    {
        var devnet = await AnvilDevnet.StartAsync();
        var pid = devnet.ProcessId;
        var url = devnet.RpcUrl;
        Assert.True(IsRunning(pid), "anvil should run while the devnet is alive");

        await devnet.DisposeAsync();

        Assert.False(IsRunning(pid), $"anvil (pid {pid}) is still running after disposal");
        using var client = new JsonRpcClient(url, new JsonRpcClientOptions { Timeout = TimeSpan.FromSeconds(5) });
        await Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());
    }

    [Fact]
    public async Task Dev_account_keys_derive_the_listed_addresses_according_to_cast()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { Accounts = 4 });
        Assert.Equal(4, devnet.Accounts.Count);

        var derived = await CastBatch.RunAsync(
            devnet.Accounts.Select(a => (IReadOnlyList<string>)["wallet", "address", "--private-key", a.PrivateKeyHex]).ToList());

        for (var i = 0; i < devnet.Accounts.Count; i++)
            Assert.Equal(Address.Parse(derived[i]), devnet.Accounts[i].Address);
        // The default mnemonic's first account is the one every Foundry user knows.
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), devnet.Accounts[0].Address);
    }

    [Fact]
    public async Task A_custom_mnemonic_gives_other_accounts()
    {
        const string mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { Accounts = 2, Mnemonic = mnemonic });

        var derived = await CastBatch.RunAsync([["wallet", "address", "--mnemonic", mnemonic, "--mnemonic-index", "1"]]);

        Assert.Equal(Address.Parse(derived[0]), devnet.Accounts[1].Address);
        Assert.True(await devnet.Client.GetBalanceAsync(devnet.Accounts[1].Address) > 0);
    }

    [Fact]
    public async Task Dev_account_text_never_shows_the_private_key()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { Accounts = 1 });
        var account = devnet.Accounts[0];

        Assert.DoesNotContain(account.PrivateKeyHex[2..], account.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(account.Address.ToString(), account.ToString());
    }

    [Fact]
    public async Task Zero_gas_price_option_gives_a_fee_less_chain()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { ZeroGasPrice = true });

        Assert.Equal(0, await devnet.Client.GetGasPriceAsync());
        var header = await devnet.Client.GetBlockHeaderAsync(BlockTag.Latest);
        Assert.Equal(0, header!.BaseFeePerGas);
    }

    [Fact]
    public async Task Interval_mining_produces_blocks_without_transactions()
    {
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { BlockTime = TimeSpan.FromMilliseconds(200) });
        var start = await devnet.Client.GetBlockNumberAsync();

        var reached = await PollUntilAsync(async () => await devnet.Client.GetBlockNumberAsync() >= start + 2, TimeSpan.FromSeconds(20));

        Assert.True(reached, "two blocks should be mined within 20 s at a 0.2 s block time");
    }

    [Fact]
    public async Task Mine_snapshot_and_revert_move_the_chain()
    {
        await using var devnet = await AnvilDevnet.StartAsync();
        var snapshot = await devnet.SnapshotAsync();
        var before = await devnet.Client.GetBlockNumberAsync();

        await devnet.MineAsync(3);
        Assert.Equal(before + 3, await devnet.Client.GetBlockNumberAsync());

        Assert.True(await devnet.RevertAsync(snapshot));
        Assert.Equal(before, await devnet.Client.GetBlockNumberAsync());
    }

    [Fact]
    public async Task A_failed_start_reports_anvil_s_own_message()
    {
        var options = new AnvilDevnetOptions { Hardfork = "no-such-fork" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnvilDevnet.StartAsync(options));

        Assert.Contains("anvil exited before it was ready", error.Message);
        Assert.Contains("Unknown hardfork", error.Message); // anvil's own words, quoted from its output
    }

    private static bool IsRunning(int pid)
    {
        // A zombie has a /proc entry but is not running: state 'Z' is the third field of stat.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
            return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> PollUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }
        return await condition();
    }
}
