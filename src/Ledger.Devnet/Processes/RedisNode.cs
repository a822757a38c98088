using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ledger.Processes;

namespace Ledger.Devnet.Processes;

/// <summary>
/// The devnet's Redis: redis-server on a free loopback port, nothing persisted. For fault
/// drills it can be killed and started again, empty, on the same port.
/// </summary>
public sealed class RedisNode : IAsyncDisposable
{
    private GuardedProcess? _process;

    private RedisNode(GuardedProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for it.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True while the server runs (false between <see cref="KillAsync"/> and <see cref="StartAgainAsync"/>).</summary>
    public bool IsRunning => _process is not null;

    /// <summary>Starts redis-server (no RDB, no AOF) and waits until it accepts connections.</summary>
    public static async Task<RedisNode> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        return new RedisNode(await LaunchAsync(port, cancellationToken), port);
    }

    /// <summary>Kills the server outright (SIGKILL), losing everything it held, as a crash would.</summary>
    public async Task KillAsync()
    {
        var process = Interlocked.Exchange(ref _process, null) ?? throw new InvalidOperationException("redis-server is not running.");
        await process.KillAsync();
    }

    /// <summary>Starts an empty server again on the same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
            throw new InvalidOperationException("redis-server is already running.");
        _process = await LaunchAsync(Port, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
            await process.DisposeAsync();
    }

    private static async Task<GuardedProcess> LaunchAsync(int port, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--dir", Path.GetTempPath(),
        ];
        return await GuardedProcess.StartAsync(
            ToolLocator.RedisServer(), arguments, line => line.Contains("Ready to accept connections", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), cancellationToken);
    }

    // redis-server cannot report a port it chose itself, so we pick a free one just before.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
