using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ledger.Testing;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// A real redis-server process on a free loopback port, without persistence, that a test
/// can stop and start again on the same port (to simulate an outage).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Why Redis tests are skipped on a machine without redis-server.</summary>
    public const string MissingReason = InstalledServers.RedisMissingReason;

    private Process? _process;

    private RedisServer(int port) => Port = port;

    /// <summary>True when redis-server can be started here.</summary>
    public static bool IsInstalled => InstalledServers.HasRedis;

    /// <summary>The TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreePort());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between probing and binding; try another.
            }
        }
    }

    /// <summary>Starts the server again on its port after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        var executable = InstalledServers.RedisServer ?? throw new InvalidOperationException(MissingReason);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("redis-server exited: " + string.Join("\n", output)));
                return;
            }
            output.Enqueue(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
                ready.TrySetResult();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch
        {
            Kill(process);
            throw;
        }
        _process = process;
    }

    /// <summary>Kills the server (as a crash would) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
            return;
        Kill(process);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
