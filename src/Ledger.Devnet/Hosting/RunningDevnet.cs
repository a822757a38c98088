using System.Text.Json;
using Ledger.Devnet.Chain;
using Ledger.Devnet.Processes;
using Ledger.Gateway.Peers;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Genesis;
using Ledger.Network.Keys;
using Ledger.Processes;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The network on one machine, in the topology of a real one: anvil booted from the network's
/// genesis (the registries and founders already in it, no deployer), one redis-server, and one
/// gateway per authority, each with only its own keys. Disposing stops all of it.
/// </summary>
public sealed class RunningDevnet : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];
    private readonly Dictionary<string, Uri> _gateways = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _consoles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InProcessGateway> _hosts = new(StringComparer.Ordinal);
    private readonly List<DevnetAuthority> _authorities = [];
    private int? _basePort;
    private Action<string, ILoggingBuilder>? _gatewayLogging;
    // What makes a gateway this authority's: an overlay may tune limits and timings, never these.
    private static readonly string[] TopologySettings =
        ["Identity:", "Chain:Keystores", "Chain:RpcUrls", "Chain:AuthorityRegistry", "Chain:PermitRegistry", "Gateway:Mode"];

    private IReadOnlyDictionary<string, string?> _settingsOverlay = new Dictionary<string, string?>();

    private RunningDevnet(string stateFolder, NetworkLayout layout)
    {
        StateFolder = stateFolder;
        Layout = layout;
    }

    /// <summary>Checkpoints, newcomers' folders and gateways.json.</summary>
    public string StateFolder { get; }

    /// <summary>The chain-config the devnet runs.</summary>
    public NetworkLayout Layout { get; }

    /// <summary>The network definition.</summary>
    public NetworkDefinition Network { get; private set; } = null!;

    /// <summary>Where the registries are.</summary>
    public PublishedNetwork Registries { get; private set; } = null!;

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri RpcUrl { get; private set; } = null!;

    /// <summary>Redis configuration string, or null when running without Redis.</summary>
    public string? Redis { get; private set; }

    /// <summary>The anvil process behind <see cref="RpcUrl"/> (fault drills stop and restart it).</summary>
    public AnvilNode Node { get; private set; } = null!;

    /// <summary>The redis-server behind <see cref="Redis"/>, or null when running without Redis (fault drills kill and restart it).</summary>
    public RedisNode? RedisServer { get; private set; }

    /// <summary>The authorities whose gateways run, in start order.</summary>
    public IReadOnlyList<DevnetAuthority> Authorities => _authorities;

    /// <summary>Each running gateway by authority id.</summary>
    public IReadOnlyDictionary<string, Uri> Gateways => _gateways;

    /// <summary>Each gateway's web console by authority id.</summary>
    public IReadOnlyDictionary<string, Uri> Consoles => _consoles;

    /// <summary>Each running gateway's peer endpoint (gateway to gateway, TLS) by authority id, as published on chain.</summary>
    public IReadOnlyDictionary<string, Uri> PeerEndpoints => _hosts.Where(h => h.Value.PeerAddress is not null).ToDictionary(h => h.Key, h => h.Value.PeerAddress!);

    /// <summary>The services of <paramref name="authorityId"/>'s gateway (its document store, its peer certificate).</summary>
    public IServiceProvider GatewayServices(string authorityId) => _hosts[authorityId].Services;

    /// <summary>Path of the file listing each identity's gateway (read by `ledger demo`).</summary>
    public string GatewayListFile => Path.Combine(StateFolder, "gateways.json");

    /// <summary>Starts everything, reporting progress to <paramref name="log"/>; on failure stops what had started.</summary>
    /// <exception cref="ArgumentException">The gateway settings overlay names a setting that defines the topology (keys, identities, node, registries, mode); nothing is started.</exception>
    public static async Task<RunningDevnet> StartAsync(DevnetOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in (options.GatewaySettings ?? new Dictionary<string, string?>()).Keys)
        {
            if (TopologySettings.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Gateway setting {name} cannot be overridden: the devnet's keys, identities, node and registries define its topology.", nameof(options));
        }
        var root = ToolLocator.RepositoryRoot();
        var layout = new NetworkLayout(options.ChainConfig ?? Path.Combine(root, "chain-config"));
        var devnet = new RunningDevnet(Path.GetFullPath(options.StateFolder ?? Path.Combine(root, ".devnet")), layout);
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

    /// <summary>
    /// Starts the gateway of another authority (one admitted after the start), with its own keys
    /// only; its issuer publishes it on chain with <see cref="PublishGatewayAsync"/>.
    /// </summary>
    public async Task<Uri> StartGatewayAsync(DevnetAuthority authority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var port = _basePort switch
        {
            null => authority.Port,
            0 => 0,
            var basePort => basePort.Value + _authorities.Count + 1,
        };
        var logging = _gatewayLogging;
        var gateway = await InProcessGateway.StartAsync(GatewaySettingsOf(authority, port), logging is null ? null : builder => logging(authority.Id, builder), cancellationToken);
        _parts.Add(gateway);
        _hosts[authority.Id] = gateway;
        _authorities.Add(authority);
        _gateways[authority.Id] = gateway.Address;
        if (gateway.ConsoleAddress is { } console)
            _consoles[authority.Id] = console;
        await WriteGatewayListAsync(cancellationToken);
        return gateway.Address;
    }

    /// <summary>
    /// The settings of <paramref name="authority"/>'s gateway on <paramref name="port"/>, with the
    /// options' overlay: what an in-process gateway gets, and what a gateway process is given.
    /// </summary>
    public Dictionary<string, string?> GatewaySettingsOf(DevnetAuthority authority, int port)
    {
        var settings = GatewayConfiguration.Build(authority, port, RpcUrl, Registries.Addresses, Redis, StateFolder);
        foreach (var (key, value) in _settingsOverlay)
            settings[key] = value;
        return settings;
    }

    /// <summary>
    /// The issuer of <paramref name="authorityId"/> publishes its gateway's peer endpoint on chain
    /// for itself and its designated agencies (again after designating one).
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishGatewayAsync(string authorityId, CancellationToken cancellationToken)
    {
        var gateway = _hosts[authorityId];
        var authority = _authorities.Single(a => a.Id == authorityId);
        var fingerprint = gateway.Services.GetRequiredService<PeerCertificate>().Fingerprint;
        var (published, _) = await DevnetGatewayDirectory.PublishAsync(
            RpcUrl, Registries.AuthorityRegistry, authority, gateway.PeerAddress!, fingerprint, cancellationToken);
        return published;
    }

    private async Task StartPartsAsync(DevnetOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        _basePort = options.BasePort;
        _settingsOverlay = options.GatewaySettings ?? _settingsOverlay;
        _gatewayLogging = options.GatewayLogging;
        Network = NetworkDefinitionFile.Read(Layout.Definition);
        if (!File.Exists(Layout.Genesis))
        {
            await log.WriteLineAsync($"{Layout.Genesis} is missing: generating the network from {Layout.Definition}");
            await new NetworkGenerator(new AnvilGenesisStateBuilder()).GenerateAsync(Network, Layout, KeySource.Seeded(Network.DevnetSeed!), cancellationToken);
        }
        Registries = PublishedNetwork.Read(Layout.Registries);

        var anvil = await AnvilNode.StartAsync(Network.BlockPeriodSeconds, Layout.Genesis, cancellationToken);
        _parts.Add(anvil);
        Node = anvil;
        RpcUrl = anvil.RpcUrl;
        // The genesis is dated when the network was defined; a live network's blocks carry today's
        // time, so anvil's clock moves to now (else every permit valid from today is "not yet valid").
        await new Nethereum.JsonRpc.Client.RpcClient(RpcUrl).SendRequestAsync<object>("evm_setTime", null, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await log.WriteLineAsync($"anvil from {Layout.Genesis} on {RpcUrl} (chain {Network.ChainId}, a block every {Network.BlockPeriodSeconds} s, clock set to now)");
        if (options.UseRedis)
        {
            var redis = await RedisNode.StartAsync(cancellationToken);
            _parts.Add(redis);
            RedisServer = redis;
            Redis = redis.Configuration;
            await log.WriteLineAsync($"redis-server on {Redis} (nothing persisted; a key prefix per gateway)");
        }

        foreach (var definition in Network.Authorities)
        {
            var authority = DevnetAuthority.From(definition, Layout.Authority(definition.Id), AccountsOf(definition.Id));
            var address = await StartGatewayAsync(authority, cancellationToken);
            await log.WriteLineAsync($"gateway {authority.Id} on {address} for {string.Join(", ", authority.Accounts.Select(a => a.Identity))}; web console on {_consoles.GetValueOrDefault(authority.Id)}");
        }
        // Each issuer signs its own directory entries: different accounts, so all at once (one block, not one per entry).
        var published = await Task.WhenAll(_authorities.Select(a => PublishGatewayAsync(a.Id, cancellationToken)));
        for (var i = 0; i < _authorities.Count; i++)
            await log.WriteLineAsync($"{_authorities[i].IssuerIdentity} published peer endpoint {_hosts[_authorities[i].Id].PeerAddress} on chain for {string.Join(", ", published[i])}");
    }

    private IReadOnlyDictionary<string, string> AccountsOf(string authorityId)
    {
        var published = Registries.Authorities.Single(a => a.Id == authorityId);
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal) { [authorityId] = published.Account };
        foreach (var agency in published.Agencies)
            accounts[agency.Id] = agency.Account;
        return accounts;
    }

    private async Task WriteGatewayListAsync(CancellationToken cancellationToken)
    {
        var identities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var authority in _authorities)
        {
            foreach (var identity in authority.Accounts.Select(a => a.Identity).Append(authority.ObserverIdentity))
                identities[identity] = _gateways[authority.Id].ToString();
        }
        Directory.CreateDirectory(StateFolder);
        await File.WriteAllTextAsync(GatewayListFile, JsonSerializer.Serialize(identities, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    /// <summary>Stops the gateways, then Redis, then anvil.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
            await _parts[i].DisposeAsync();
        _parts.Clear();
    }
}
