using Ledger.Processes;

namespace Ledger.Drills.Support;

/// <summary>
/// A gateway in a process of its own, so that it can be killed with SIGKILL: `dotnet
/// Ledger.Gateway.dll` from this program's folder (the gateway is built beside it), its settings
/// given as environment variables as a container gets them (the way the published-gateway
/// integration tests launch it), an empty content root so no appsettings file mixes in. It
/// restarts on the same port, so its clients retry at the address they know.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly string[] _command;
    private GuardedProcess? _process;

    private GatewayProcess(string[] command, GuardedProcess process, Uri address)
    {
        _command = command;
        _process = process;
        Address = address;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>Starts it on <paramref name="port"/> with <paramref name="settings"/> (configuration keys), an empty folder as content root.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, int port, string contentRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var gateway = Path.Combine(AppContext.BaseDirectory, "Ledger.Gateway.dll");
        if (!File.Exists(gateway) || !File.Exists(Path.ChangeExtension(gateway, ".runtimeconfig.json")))
            throw new InvalidOperationException($"The gateway is not built beside the drills ({gateway} and its runtimeconfig.json): build benchmarks/Ledger.Drills.");
        Directory.CreateDirectory(contentRoot);
        var environment = settings.Where(s => s.Key != "Gateway:Port")
            .Select(s => $"{s.Key.Replace(":", "__", StringComparison.Ordinal)}={s.Value}")
            .Append($"Gateway__Port={port}")
            // The line that says it is ready comes from the host's lifetime logger.
            .Append("Logging__LogLevel__Microsoft.Hosting.Lifetime=Information")
            .Append("ASPNETCORE_ENVIRONMENT=Devnet")
            .Append($"ASPNETCORE_CONTENTROOT={contentRoot}");
        string[] command = [.. environment, "dotnet", gateway];
        return new GatewayProcess(command, await LaunchAsync(command, cancellationToken), new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>SIGKILL: the gateway gets no chance to finish anything, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        var process = Interlocked.Exchange(ref _process, null) ?? throw new InvalidOperationException("The gateway is not running.");
        await process.KillAsync();
    }

    /// <summary>Starts it again, same settings, same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
            throw new InvalidOperationException("The gateway is already running.");
        _process = await LaunchAsync(_command, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
            await process.DisposeAsync();
    }

    private static Task<GuardedProcess> LaunchAsync(string[] command, CancellationToken cancellationToken) =>
        GuardedProcess.StartAsync("env", command, line => line.Contains("Now listening on", StringComparison.Ordinal), StartTimeout, cancellationToken);
}
