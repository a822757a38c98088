using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ledger.Processes;

/// <summary>
/// anvil on a free loopback port: the devnet's chain (booted from the network's genesis, mining
/// on a timer as a QBFT network seals) or a scratch chain (mining each transaction at once).
/// For fault drills it can be stopped and started again on the same port, from a state file
/// so that the chain survives (anvil refuses --init together with --dump-state, so a chain
/// booted from a genesis is first saved with <see cref="SaveStateAsync"/>).
/// </summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly int? _blockTime;
    private GuardedProcess? _process;

    private AnvilNode(GuardedProcess process, Uri rpcUrl, int? blockTime)
    {
        _process = process;
        _blockTime = blockTime;
        RpcUrl = rpcUrl;
    }

    /// <summary>The node's JSON-RPC URL (the same after a restart).</summary>
    public Uri RpcUrl { get; }

    /// <summary>True while the process runs (false between <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>).</summary>
    public bool IsRunning => _process is not null;

    /// <summary>
    /// Starts anvil with --port 0 and waits for its "Listening on" line. Fees are zero, as on a
    /// QBFT network with a zero base fee: authorities send with no ether.
    /// </summary>
    /// <param name="blockTime">Seconds between blocks; null to mine every transaction at once.</param>
    /// <param name="genesisFile">A genesis to boot from (anvil --init), or null for anvil's own.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<AnvilNode> StartAsync(int? blockTime, string? genesisFile, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "--port", "0" };
        if (genesisFile is not null)
            arguments.AddRange(["--init", genesisFile]);
        var process = await LaunchAsync([.. arguments], blockTime, cancellationToken);
        var match = ListeningLine().Match(process.ReadyLine);
        return new AnvilNode(process, new Uri($"http://{match.Groups["host"].Value}:{match.Groups["port"].Value}/"), blockTime);
    }

    /// <summary>
    /// Writes the chain as it is now (anvil_dumpState: accounts, storage, blocks) to
    /// <paramref name="stateFile"/> in the JSON that --load-state reads.
    /// </summary>
    public async Task SaveStateAsync(string stateFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateFile);
        var dump = await CallAsync("anvil_dumpState", cancellationToken);
        var gzip = Convert.FromHexString(dump.GetString()!.AsSpan(2));
        await using var unzipped = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        await using var file = File.Create(stateFile);
        await unzipped.CopyToAsync(file, cancellationToken);
    }

    /// <summary>
    /// Stops the node: gracefully (SIGTERM, so an anvil started with a state file writes it on
    /// exit, as a validator's database keeps what it committed) or outright (SIGKILL).
    /// </summary>
    public async Task StopAsync(bool graceful)
    {
        var process = Interlocked.Exchange(ref _process, null) ?? throw new InvalidOperationException("anvil is not running.");
        if (graceful)
            await process.DisposeAsync();
        else
            await process.KillAsync();
    }

    /// <summary>
    /// Starts the node again on the same port from <paramref name="stateFile"/> (anvil --state:
    /// loaded now, written again on a graceful stop), with the chain id it had.
    /// </summary>
    public async Task StartAgainAsync(string stateFile, ulong chainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateFile);
        if (_process is not null)
            throw new InvalidOperationException("anvil is already running.");
        string[] arguments =
        [
            "--port", RpcUrl.Port.ToString(CultureInfo.InvariantCulture), "--state", stateFile,
            "--chain-id", chainId.ToString(CultureInfo.InvariantCulture),
        ];
        _process = await LaunchAsync(arguments, _blockTime, cancellationToken);
    }

    /// <summary>The node's chain id (eth_chainId).</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken)
    {
        var hex = (await CallAsync("eth_chainId", cancellationToken)).GetString()!;
        return ulong.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
            await process.DisposeAsync();
    }

    private static async Task<GuardedProcess> LaunchAsync(string[] arguments, int? blockTime, CancellationToken cancellationToken)
    {
        var all = new List<string>(arguments) { "--host", "127.0.0.1", "--base-fee", "0", "--disable-min-priority-fee" };
        if (blockTime is { } seconds)
            all.AddRange(["--block-time", seconds.ToString(CultureInfo.InvariantCulture)]);
        return await GuardedProcess.StartAsync(ToolLocator.Anvil(), all, line => ListeningLine().IsMatch(line), StartTimeout, cancellationToken);
    }

    private async Task<JsonElement> CallAsync(string method, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(RpcUrl, new { jsonrpc = "2.0", id = 1, method, @params = Array.Empty<object>() }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (answer.RootElement.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"anvil refused {method}: {error}");
        return answer.RootElement.GetProperty("result").Clone();
    }

    [GeneratedRegex(@"Listening on (?<host>[0-9.]+):(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
