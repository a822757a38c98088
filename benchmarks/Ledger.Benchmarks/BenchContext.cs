using System.Globalization;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Permits;
using Ledger.Cli.Connection;
using Ledger.Devnet.Hosting;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Nethereum.Signer;

namespace Ledger.Benchmarks;

/// <summary>
/// The devnet a run measures and what every stage needs of it: the node, each authority's gateway
/// (gRPC and HTTP/JSON), the authorities' keys for the baselines signed here, and the run's permits.
/// The gateways run with their rate limit lifted and room for the fan-out's 100 watch streams.
/// </summary>
internal sealed class BenchContext : IAsyncDisposable
{
    /// <summary>What the gateways need to be measured rather than throttled.</summary>
    public static readonly IReadOnlyDictionary<string, string?> GatewayOverlay = new Dictionary<string, string?>
    {
        ["Limits:RequestsPerSecond"] = "10000000",
        ["Limits:Burst"] = "10000000",
        ["Limits:CallerRequestsPerSecond"] = "10000000",
        ["Limits:CallerBurst"] = "10000000",
        ["Limits:MaxWatchStreamsPerOfficial"] = "256",
        ["Limits:MaxWatchStreamsPerAuthority"] = "256",
        ["Limits:MaxWatchStreamsTotal"] = "1024",
        ["Limits:WatchBufferItems"] = "100000",
        ["Limits:MaxReplayBlocks"] = "100000000",
        // Per-write and health logs would measure the console, not the gateway; the report says what went wrong.
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Ledger"] = "Error",
        // But a follower that pauses (and retries its range) explains a watch that sees no checkpoint.
        ["Logging:LogLevel:Ledger.Gateway.Follower"] = "Warning",
    };

    private readonly Dictionary<string, GatewayClients> _grpc = new(StringComparer.Ordinal);

    private BenchContext(RunningDevnet devnet, NetworkKeys keys)
    {
        Devnet = devnet;
        Keys = keys;
        Node = new RawNode(devnet.RpcUrl);
        Permits = new BenchPermits(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
        foreach (var authority in devnet.Authorities)
            _grpc[authority.Id] = GatewayClientFactory.Create(new GatewaySettings(devnet.Gateways[authority.Id]));
    }

    /// <summary>The running devnet.</summary>
    public RunningDevnet Devnet { get; }

    /// <summary>Every authority's and agency's key (the devnet's are derived from its public seed).</summary>
    public NetworkKeys Keys { get; }

    /// <summary>The node, for the baselines.</summary>
    public RawNode Node { get; }

    /// <summary>The run's permits.</summary>
    public BenchPermits Permits { get; }

    /// <summary>The PermitRegistry's address.</summary>
    public string PermitRegistry => Devnet.Registries.Addresses.PermitRegistry;

    /// <summary>Seconds between blocks.</summary>
    public TimeSpan BlockPeriod => TimeSpan.FromSeconds(Devnet.Network.BlockPeriodSeconds);

    /// <summary>The first authority (its gateway is "the" gateway of single-gateway measurements).</summary>
    public DevnetAuthority First => Devnet.Authorities[0];

    /// <summary>Another authority than the first (for cross-gateway measurements).</summary>
    public DevnetAuthority Second => Devnet.Authorities[1];

    /// <summary>Starts the devnet with the load overlay.</summary>
    public static async Task<BenchContext> StartAsync(string stateFolder, TextWriter log, CancellationToken ct)
    {
        var devnet = await RunningDevnet.StartAsync(new DevnetOptions(BasePort: 0, StateFolder: stateFolder, GatewaySettings: GatewayOverlay), log, ct);
        try
        {
            var keys = NetworkKeys.Draw(devnet.Network, KeySource.Seeded(devnet.Network.DevnetSeed
                ?? throw new InvalidOperationException("The devnet's network definition has no devnetSeed: its keys cannot be derived here.")));
            return new BenchContext(devnet, keys);
        }
        catch
        {
            await devnet.DisposeAsync();
            throw;
        }
    }

    /// <summary>The gRPC clients of <paramref name="authority"/>'s gateway.</summary>
    public GatewayClients Grpc(DevnetAuthority authority) => _grpc[authority.Id];

    /// <summary>The issuer's key of <paramref name="authority"/>.</summary>
    public EthECKey IssuerKey(DevnetAuthority authority) => Keys.Authorities.Single(a => a.Definition.Id == authority.Id).Account;

    /// <summary>The customs agency's key of <paramref name="authority"/>.</summary>
    public EthECKey CustomsKey(DevnetAuthority authority) =>
        Keys.Authorities.Single(a => a.Definition.Id == authority.Id).Agencies.First(a => a.Agency.Kind == Ledger.Network.Definition.AgencyKind.Customs).Key;

    /// <summary>A country other than <paramref name="authority"/>'s, as the permits' destination.</summary>
    public string DestinationFor(DevnetAuthority authority) => Devnet.Authorities.First(a => a.Country != authority.Country).Country;

    /// <summary>A signer of pre-signed transactions for <paramref name="key"/>, from its pending nonce.</summary>
    public async Task<RawTransactions> SignerAsync(EthECKey key, CancellationToken ct)
    {
        var pending = RawNode.Quantity(await Node.SendAsync("eth_getTransactionCount", $"[\"{key.GetPublicAddress()}\",\"pending\"]", ct));
        return new RawTransactions(key, Devnet.Network.ChainId, PermitRegistry, pending);
    }

    /// <summary>eth_estimateGas of a call from <paramref name="from"/>, with a margin of a quarter.</summary>
    public async Task<ulong> GasLimitAsync(string from, string callData, CancellationToken ct)
    {
        var estimate = RawNode.Quantity(await Node.SendAsync("eth_estimateGas", $"[{{\"from\":\"{from}\",\"to\":\"{PermitRegistry}\",\"data\":\"{callData}\"}}]", ct));
        return estimate + estimate / 4;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var clients in _grpc.Values)
            clients.Dispose();
        Node.Dispose();
        await Devnet.DisposeAsync();
    }
}
