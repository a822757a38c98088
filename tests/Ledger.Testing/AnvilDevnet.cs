using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using Ledger.Core.Primitives;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Ledger.Processes;

namespace Ledger.Testing;

/// <summary>
/// A private anvil node for tests: started on a free loopback port, ready when it answers
/// eth_chainId, stopped (and its process gone) on disposal. anvil runs as a
/// <see cref="GuardedProcess"/>, so even a test host that is killed outright leaves no node behind.
/// </summary>
public sealed class AnvilDevnet : IAsyncDisposable
{
    private readonly GuardedProcess _process;
    private int _disposed;

    private AnvilDevnet(GuardedProcess process, AnvilDevnetOptions options)
    {
        _process = process;
        Options = options;
        RpcUrl = null!;
        Web3 = null!;
        Client = null!;
        Accounts = [];
    }

    /// <summary>The options the node was started with.</summary>
    public AnvilDevnetOptions Options { get; }

    /// <summary>The node's JSON-RPC URL (http://127.0.0.1:PORT/).</summary>
    public Uri RpcUrl { get; private set; }

    /// <summary>The chain id, as the node reported it.</summary>
    public ulong ChainId { get; private set; }

    /// <summary>The process id of anvil itself.</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>The funded dev accounts with their private keys, as anvil listed them.</summary>
    public IReadOnlyList<DevAccount> Accounts { get; private set; }

    /// <summary>A client for the node, disposed with the devnet.</summary>
    public RpcClient Client { get; private set; }

    /// <summary>Nethereum's Web3 over <see cref="Client"/>.</summary>
    public IWeb3 Web3 { get; private set; }

    /// <summary>What anvil printed: the banner, then the most recent lines.</summary>
    public IReadOnlyList<string> Output => _process.Output;

    /// <summary>
    /// Starts anvil and waits until it answers. Throws <see cref="InvalidOperationException"/>
    /// with anvil's output when it exits early, does not listen in time, or answers wrongly.
    /// </summary>
    public static async Task<AnvilDevnet> StartAsync(AnvilDevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilDevnetOptions();
        var process = await GuardedProcess.StartAsync(
            ToolPaths.Anvil, options.ToArguments(), line => AnvilBanner.ListeningUrl(line) is not null, options.StartupTimeout, cancellationToken);
        var devnet = new AnvilDevnet(process, options);
        try
        {
            await devnet.ConnectAsync(cancellationToken);
            return devnet;
        }
        catch
        {
            await devnet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Mines <paramref name="blocks"/> blocks now (anvil_mine).</summary>
    public async Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        cancellationToken.ThrowIfCancellationRequested();
        await Client.SendRequestAsync("anvil_mine", null, new HexBigInteger(blocks).HexValue);
    }

    /// <summary>Takes a state snapshot (evm_snapshot) and returns its id for <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        await Client.SendRequestAsync<string>("evm_snapshot", null) ?? throw new InvalidOperationException("evm_snapshot returned no id.");

    /// <summary>Reverts the chain to a snapshot (evm_revert); false when the id is unknown.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        await Client.SendRequestAsync<bool>("evm_revert", null, snapshotId);

    /// <summary>
    /// Sends a transaction from an unlocked dev account (eth_sendTransaction: anvil signs),
    /// e.g. to deploy test contracts without a signer. Returns the transaction hash.
    /// </summary>
    public async Task<Bytes32> SendTransactionAsync(
        Address from, Address? to, byte[]? data = null, BigInteger? value = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = new TransactionInput
        {
            From = from.ToLowerHex(),
            To = to?.ToLowerHex(),
            Data = data is null ? null : "0x" + Convert.ToHexStringLower(data),
            Value = value is { } wei ? new HexBigInteger(wei) : null,
        };
        var hash = await Web3.Eth.Transactions.SendTransaction.SendRequestAsync(transaction);
        return Bytes32.Parse(hash ?? throw new InvalidOperationException("eth_sendTransaction returned no hash."));
    }

    /// <summary>
    /// Waits until the transaction has a receipt: at once under automine, within a few block
    /// times under interval mining. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>
    /// (default 30 s).
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(
        Bytes32 transactionHash, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var poll = Options.BlockTime is { } blockTime ? blockTime / 4 : TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash.ToHex()) is { } receipt)
                return receipt;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"No receipt for {transactionHash} after {limit.TotalSeconds:0.#} s.");
            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>Stops anvil and waits until its process is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _process.DisposeAsync();
    }

    /// <inheritdoc />
    public override string ToString() => $"AnvilDevnet {{ RpcUrl = {RpcUrl}, ChainId = {ChainId}, Pid = {ProcessId} }}";

    // anvil listens: read its banner, then wait until it answers.
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var banner = AnvilBanner.Parse(_process.StartupOutput);
            RpcUrl = banner.RpcUrl;
            Accounts = banner.Accounts;
            Client = new RpcClient(RpcUrl);
            Web3 = new Web3(Client);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.StartupTimeout);
            ChainId = await AwaitChainIdAsync(deadline.Token);
            if (ChainId != Options.ChainId || banner.ChainId != Options.ChainId)
                throw _process.Failure($"anvil reports chain id {ChainId} (banner {banner.ChainId}), {Options.ChainId} was asked");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw _process.Failure($"anvil did not answer within {Options.StartupTimeout.TotalSeconds:0.#} s");
        }
        catch (FormatException e)
        {
            throw _process.Failure("anvil's banner could not be read: " + e.Message);
        }
    }

    // "Listening" is printed once the socket is bound; the first call normally succeeds at once.
    private async Task<ulong> AwaitChainIdAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return (ulong)(await Web3.Eth.ChainId.SendRequestAsync()).Value;
            }
            catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }
}
