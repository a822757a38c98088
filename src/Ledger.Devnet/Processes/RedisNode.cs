using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ledger.Processes;

namespace Ledger.Devnet.Processes;

/// <summary>The devnet's Redis: redis-server on a free loopback port, nothing persisted.</summary>
public sealed class RedisNode : IAsyncDisposable
{
    private readonly GuardedProcess _process;

    private RedisNode(GuardedProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for it.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts redis-server (no RDB, no AOF) and waits until it accepts connections.</summary>
    public static async Task<RedisNode> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--dir", Path.GetTempPath(),
        ];
        var process = await GuardedProcess.StartAsync(
            ToolLocator.RedisServer(), arguments, line => line.Contains("Ready to accept connections", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), cancellationToken);
        return new RedisNode(process, port);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // redis-server cannot report a port it chose itself, so we pick a free one just before.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
