using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Processes;

/// <summary>
/// anvil on a free loopback port: the devnet's chain (booted from the network's genesis, mining
/// on a timer as a QBFT network seals) or a scratch chain (mining each transaction at once).
/// </summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    private readonly GuardedProcess _process;

    private AnvilNode(GuardedProcess process, Uri rpcUrl)
    {
        _process = process;
        RpcUrl = rpcUrl;
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri RpcUrl { get; }

    /// <summary>
    /// Starts anvil with --port 0 and waits for its "Listening on" line. Fees are zero, as on a
    /// QBFT network with a zero base fee: authorities send with no ether.
    /// </summary>
    /// <param name="blockTime">Seconds between blocks; null to mine every transaction at once.</param>
    /// <param name="genesisFile">A genesis to boot from (anvil --init), or null for anvil's own.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<AnvilNode> StartAsync(int? blockTime, string? genesisFile, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "--port", "0", "--host", "127.0.0.1", "--base-fee", "0", "--disable-min-priority-fee" };
        if (blockTime is { } seconds)
            arguments.AddRange(["--block-time", seconds.ToString(CultureInfo.InvariantCulture)]);
        if (genesisFile is not null)
            arguments.AddRange(["--init", genesisFile]);
        var process = await GuardedProcess.StartAsync(
            ToolLocator.Anvil(), arguments, line => ListeningLine().IsMatch(line), TimeSpan.FromSeconds(30), cancellationToken);
        var match = ListeningLine().Match(process.ReadyLine);
        return new AnvilNode(process, new Uri($"http://{match.Groups["host"].Value}:{match.Groups["port"].Value}/"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Listening on (?<host>[0-9.]+):(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
