using Nethereum.JsonRpc.Client;
using Ledger.Contracts.Deployment;
using Ledger.Devnet.Chain;
using Ledger.Devnet.Processes;
using Ledger.Processes;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// Everything the devnet runs: anvil, optionally redis-server, the deployed and seeded
/// contracts and the in-process gateway. Disposing stops all of it, child processes included.
/// </summary>
public sealed class RunningDevnet : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];

    private RunningDevnet(string stateFolder) => StateFolder = stateFolder;

    /// <summary>Folder of keystores, deployment record and checkpoints.</summary>
    public string StateFolder { get; }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri RpcUrl { get; private set; } = null!;

    /// <summary>Where the gateway listens (plain HTTP/2).</summary>
    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>Redis configuration string, or null when running without Redis.</summary>
    public string? Redis { get; private set; }

    /// <summary>Where the contracts are, as written to <see cref="DeploymentRecordFile"/>.</summary>
    public DeploymentRecord Deployment { get; private set; } = null!;

    /// <summary>Path of the written deployment record.</summary>
    public string DeploymentRecordFile => Path.Combine(StateFolder, "deployment.json");

    /// <summary>The demo authorities (addresses; keys stay inside).</summary>
    public DevnetKeyring Keyring { get; private set; } = null!;

    /// <summary>Starts everything, reporting progress to <paramref name="log"/>; on failure stops what had started.</summary>
    public static async Task<RunningDevnet> StartAsync(DevnetOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var root = ToolLocator.RepositoryRoot();
        var devnet = new RunningDevnet(Path.GetFullPath(options.StateFolder ?? Path.Combine(root, ".devnet")));
        try
        {
            await devnet.StartPartsAsync(options, log, cancellationToken);
            return devnet;
        }
        catch
        {
            await devnet.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(DevnetOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var anvil = await AnvilNode.StartAsync(1, null, cancellationToken);
        _parts.Add(anvil);
        RpcUrl = anvil.RpcUrl;
        await log.WriteLineAsync($"anvil listening on {RpcUrl} (block time 1 s)");
        if (options.UseRedis)
        {
            var redis = await RedisNode.StartAsync(cancellationToken);
            _parts.Add(redis);
            Redis = redis.Configuration;
            await log.WriteLineAsync($"redis-server on {Redis} (nothing persisted)");
        }

        Keyring = await DevnetKeyring.OpenAsync(Path.Combine(StateFolder, "keystores"), cancellationToken);
        Deployment = await new DevnetChainSeeder(new RpcClient(RpcUrl), Keyring, log).RunAsync(cancellationToken);
        await Deployment.WriteAsync(DeploymentRecordFile, cancellationToken);

        var settings = GatewayConfiguration.Build(
            options.GatewayPort, RpcUrl, Keyring, DeploymentRecordFile, Deployment.AuthorityRegistry.BlockNumber, Redis, StateFolder);
        var gateway = await InProcessGateway.StartAsync(settings, cancellationToken);
        _parts.Add(gateway);
        GatewayAddress = gateway.Address;
    }

    /// <summary>Stops the gateway, then Redis, then anvil.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
            await _parts[i].DisposeAsync();
        _parts.Clear();
        Keyring?.Dispose();
    }
}
