using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ledger.Testing;
using Npgsql;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb into a temporary folder and a postgres server on a
/// free loopback port, trust authentication, no fsync, deleted on dispose. PostgreSQL refuses
/// to run as root, so as root the cluster runs as the Debian package's "postgres" user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Why PostgreSQL tests are skipped on a machine without the server binaries.</summary>
    public const string MissingReason = InstalledServers.PostgresMissingReason;

    private const string SuperUser = "ledger";

    private readonly string _directory;
    private Process? _process;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    /// <summary>True when initdb and postgres can be run here.</summary>
    public static bool IsInstalled => InstalledServers.HasPostgres;

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string for the cluster's default database.</summary>
    public string ConnectionString(string? searchPath = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = "postgres",
        SearchPath = searchPath,
        Pooling = true,
    }.ToString();

    private static bool IsRoot => InstalledServers.IsRoot;

    /// <summary>Creates and starts a cluster.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        if (InstalledServers.PostgresBinDirectory is null)
            throw new InvalidOperationException(MissingReason);
        var directory = Path.Combine(Path.GetTempPath(), "ledger-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (IsRoot)
            await RunAsync("chown", ["-R", "postgres:postgres", directory], asPostgres: false);
        var data = Path.Combine(directory, "data");
        await RunAsync(Tool("initdb"), ["-D", data, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-sync"], asPostgres: IsRoot);
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(directory, FreePort());
            try
            {
                await server.StartProcessAsync(data);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between probing and binding; try another.
            }
        }
    }

    /// <summary>Creates a fresh schema and returns a connection string whose search path is that schema.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(schema);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var process = Interlocked.Exchange(ref _process, null);
        if (process is not null)
        {
            await StopAsync(process);
            process.Dispose();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a lingering backend may still hold a file for a moment.
        }
    }

    /// <summary>
    /// A fast shutdown through pg_ctl, so that postgres removes its shared memory; killing the
    /// postmaster outright would leave a System V segment behind on every run.
    /// </summary>
    private async Task StopAsync(Process process)
    {
        try
        {
            await RunAsync(Tool("pg_ctl"), ["stop", "-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "-t", "30"], asPostgres: IsRoot);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            await process.WaitForExitAsync();
        }
    }

    private async Task StartProcessAsync(string data)
    {
        var arguments = new[]
        {
            "-D", data, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_directory}",
            "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "logging_collector=off",
        };
        var process = Process.Start(StartInfo(Tool("postgres"), arguments, IsRoot)) ?? throw new InvalidOperationException("postgres did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("postgres exited: " + string.Join("\n", output)));
                return;
            }
            output.Enqueue(e.Data);
            if (e.Data.Contains("ready to accept connections", StringComparison.Ordinal))
                ready.TrySetResult();
        }
        process.ErrorDataReceived += OnLine;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw new InvalidOperationException("postgres did not become ready: " + string.Join("\n", output));
        }
        _process = process;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        using var process = Process.Start(StartInfo(file, arguments, asPostgres)) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }

    private static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        // setpriv execs in place, so killing the process kills postgres itself, not a wrapper.
        var info = new ProcessStartInfo(asPostgres ? "setpriv" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", file })
                info.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return info;
    }

    private static string Tool(string name) => Path.Combine(InstalledServers.PostgresBinDirectory!, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
