using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Processes;

namespace Ledger.Devnet.Processes;

/// <summary>The devnet's chain: anvil on a free loopback port, mining a block every <see cref="BlockTime"/>.</summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    /// <summary>Seconds between blocks: interval mining, as a real PoA network seals on a timer.</summary>
    public const int BlockTime = 1;

    private readonly GuardedProcess _process;

    private AnvilNode(GuardedProcess process, Uri rpcUrl)
    {
        _process = process;
        RpcUrl = rpcUrl;
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri RpcUrl { get; }

    /// <summary>Starts anvil with --port 0 and waits for its "Listening on" line.</summary>
    public static async Task<AnvilNode> StartAsync(CancellationToken cancellationToken)
    {
        string[] arguments = ["--port", "0", "--host", "127.0.0.1", "--block-time", BlockTime.ToString(CultureInfo.InvariantCulture)];
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
