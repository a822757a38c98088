using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Testing;

/// <summary>
/// A private anvil node for tests: started on a free loopback port, ready when it answers
/// eth_chainId, stopped (and its process gone) on disposal. anvil runs under a small bash
/// guard that stops it as soon as the test process's end of a pipe closes, so even a test
/// host that is killed outright leaves no node behind.
/// </summary>
public sealed class AnvilDevnet : IAsyncDisposable
{
    // Runs anvil ("$@") and a watcher blocked on our stdin; when either ends, stops the other.
    // The watcher keeps a dup of stdin (fd 3): a background job's own stdin is /dev/null.
    private const string GuardScript = """
        exec 3<&0
        "$@" </dev/null 3<&- &
        node=$!
        ( cat <&3 >/dev/null ) >/dev/null 2>&1 &
        watcher=$!
        exec 3<&-
        echo "ANVIL_PID=$node" >&2
        wait -n "$node" "$watcher"
        kill -TERM "$node" "$watcher" 2>/dev/null
        wait
        """;

    private const string PidMarker = "ANVIL_PID=";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _guard;
    private readonly ProcessOutputLog _output;
    private readonly Task _pumps;
    private readonly EventHandler _onHostExit;
    private int _disposed;

    private AnvilDevnet(Process guard, ProcessOutputLog output, Task pumps, AnvilDevnetOptions options)
    {
        _guard = guard;
        _output = output;
        _pumps = pumps;
        Options = options;
        _onHostExit = (_, _) => KillNow();
        AppDomain.CurrentDomain.ProcessExit += _onHostExit;
        RpcUrl = null!;
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
    public int ProcessId { get; private set; }

    /// <summary>The funded dev accounts with their private keys, as anvil listed them.</summary>
    public IReadOnlyList<DevAccount> Accounts { get; private set; }

    /// <summary>A client for the node, disposed with the devnet.</summary>
    public JsonRpcClient Client { get; private set; }

    /// <summary>What anvil printed: the banner, then the most recent lines.</summary>
    public IReadOnlyList<string> Output => _output.Lines();

    /// <summary>
    /// Starts anvil and waits until it answers. Throws <see cref="InvalidOperationException"/>
    /// with anvil's output when it exits early, does not listen in time, or answers wrongly.
    /// </summary>
    public static async Task<AnvilDevnet> StartAsync(AnvilDevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilDevnetOptions();
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(GuardScript);
        info.ArgumentList.Add("anvil-guard");
        info.ArgumentList.Add(ToolPaths.Anvil);
        foreach (var arg in options.ToArguments())
            info.ArgumentList.Add(arg);

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ProcessOutputLog();
        var guard = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var pumps = Task.WhenAll(
            output.PumpAsync(guard.StandardOutput, line =>
            {
                if (AnvilBanner.ListeningUrl(line) is { } url)
                    listening.TrySetResult(url);
            }),
            output.PumpAsync(guard.StandardError, line =>
            {
                if (line.StartsWith(PidMarker, StringComparison.Ordinal) && int.TryParse(line.AsSpan(PidMarker.Length), out var id))
                    pid.TrySetResult(id);
            }));
        var devnet = new AnvilDevnet(guard, output, pumps, options);
        try
        {
            await devnet.AwaitStartupAsync(listening.Task, pid.Task, cancellationToken);
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
        await Client.SendAsync("anvil_mine", [HexQuantity.Encode((ulong)blocks)], cancellationToken);
    }

    /// <summary>Takes a state snapshot (evm_snapshot) and returns its id for <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await Client.SendAsync("evm_snapshot", [], cancellationToken)).GetString()
        ?? throw new InvalidOperationException("evm_snapshot returned no id.");

    /// <summary>Reverts the chain to a snapshot (evm_revert); false when the id is unknown.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        (await Client.SendAsync("evm_revert", [snapshotId], cancellationToken)).GetBoolean();

    /// <summary>
    /// Sends a transaction from an unlocked dev account (eth_sendTransaction: anvil signs),
    /// e.g. to deploy test contracts without a signer. Returns the transaction hash.
    /// </summary>
    public async Task<Hash32> SendTransactionAsync(
        Address from, Address? to, byte[]? data = null, BigInteger? value = null, CancellationToken cancellationToken = default)
    {
        var transaction = new JsonObject { ["from"] = Hex.Encode(from.Bytes) };
        if (to is { } recipient)
            transaction["to"] = Hex.Encode(recipient.Bytes);
        if (data is not null)
            transaction["data"] = Hex.Encode(data);
        if (value is { } wei)
            transaction["value"] = HexQuantity.Encode(wei);
        var hash = await Client.SendAsync("eth_sendTransaction", [transaction], cancellationToken);
        return Hash32.Parse(hash.GetString() ?? throw new InvalidOperationException("eth_sendTransaction returned no hash."));
    }

    /// <summary>
    /// Waits until the transaction has a receipt: at once under automine, within a few block
    /// times under interval mining. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>
    /// (default 30 s).
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(
        Hash32 transactionHash, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var poll = Options.BlockTime is { } blockTime ? blockTime / 4 : TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await Client.GetTransactionReceiptAsync(transactionHash, cancellationToken) is { } receipt)
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
        AppDomain.CurrentDomain.ProcessExit -= _onHostExit;
        Client?.Dispose();
        try
        {
            // Closing the guard's stdin makes it stop anvil, reap it and exit.
            _guard.StandardInput.Close();
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            KillNow();
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        await _pumps.WaitAsync(StopTimeout);
        _guard.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"AnvilDevnet {{ RpcUrl = {RpcUrl}, ChainId = {ChainId}, Pid = {ProcessId} }}";

    private async Task AwaitStartupAsync(Task<Uri> listening, Task<int> pid, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.StartupTimeout);
        // Not cancellable: on the deadline, WaitAsync below throws while this simply stays pending.
        var exited = _guard.WaitForExitAsync(CancellationToken.None);
        try
        {
            var first = await Task.WhenAny(listening, exited).WaitAsync(deadline.Token);
            if (first != listening)
                throw StartupFailure("anvil exited before it listened");
            RpcUrl = await listening;
            ProcessId = await pid.WaitAsync(deadline.Token);
            _output.CompleteHead();
            var banner = AnvilBanner.Parse(_output.Lines());
            Accounts = banner.Accounts;
            Client = new JsonRpcClient(RpcUrl, new JsonRpcClientOptions { Timeout = TimeSpan.FromSeconds(10) });
            ChainId = await AwaitChainIdAsync(deadline.Token);
            if (ChainId != Options.ChainId || banner.ChainId != Options.ChainId)
                throw StartupFailure($"anvil reports chain id {ChainId} (banner {banner.ChainId}), {Options.ChainId} was asked");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw StartupFailure($"anvil was not ready within {Options.StartupTimeout.TotalSeconds:0.#} s");
        }
        catch (FormatException e)
        {
            throw StartupFailure("anvil's banner could not be read: " + e.Message);
        }
    }

    // "Listening" is printed once the socket is bound; the first call normally succeeds at once.
    private async Task<ulong> AwaitChainIdAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await Client.GetChainIdAsync(cancellationToken);
            }
            catch (RpcTransportException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }

    private InvalidOperationException StartupFailure(string why) =>
        new($"{why}. Command: anvil {string.Join(' ', Options.ToArguments())}\nOutput:\n{string.Join('\n', _output.Lines())}");

    private void KillNow()
    {
        try
        {
            if (!_guard.HasExited)
                _guard.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
