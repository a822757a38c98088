using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Devnet.Hosting;

namespace Ledger.Drills.Support;

/// <summary>
/// One drill's devnet (anvil from the network's genesis, redis-server, one in-process gateway
/// per authority, in a folder of its own) with the gateway settings every drill shares, and
/// the clients that talk to its gateways. Disposing stops all of it.
/// </summary>
internal sealed class DrillNetwork : IAsyncDisposable
{
    /// <summary>The authority whose issuer registers the drills' permits, and whose customs record shipments.</summary>
    public const string Exporter = "ch";

    /// <summary>The destination authority.</summary>
    public const string Importer = "fr";

    /// <summary>
    /// Laid over every gateway's settings. The rate limit is lifted because the drills measure
    /// faults, not the limit (a refused call would only be retried). A SIGKILLed write's record
    /// stays "in progress" for the lease before a retry may look up its transaction: the
    /// shortest lease allowed. A transaction the node forgot (dropped with its pool when it
    /// restarted) is found out when its receipt wait times out: 15 s instead of 2 min.
    /// Gateways log only errors, to keep the drill's own output readable.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Limits:RequestsPerSecond"] = "100000",
        ["Limits:Burst"] = "100000",
        ["Limits:CallerRequestsPerSecond"] = "100000",
        ["Limits:CallerBurst"] = "100000",
        ["Stores:IdempotencyInProgressLease"] = "00:00:05",
        ["Chain:ReceiptTimeout"] = "00:00:15",
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Ledger"] = "Error",
    };

    private readonly Dictionary<Uri, GatewayClients> _clients = [];
    private readonly List<InProcessGateway> _replicas = [];
    private readonly string _folder;
    private int _permitSequence;

    private DrillNetwork(RunningDevnet devnet, string folder)
    {
        Devnet = devnet;
        _folder = folder;
    }

    /// <summary>The running devnet.</summary>
    public RunningDevnet Devnet { get; }

    /// <summary>A folder of this drill's own, for files it makes (anvil's state).</summary>
    public string Folder => _folder;

    /// <summary>Starts a devnet for drill <paramref name="name"/> under the work directory.</summary>
    public static async Task<DrillNetwork> StartAsync(DrillOptions options, string name, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetFullPath(options.WorkDirectory), $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var devnet = await RunningDevnet.StartAsync(
            new DevnetOptions(BasePort: 0, UseRedis: true, StateFolder: Path.Combine(folder, "devnet"), GatewaySettings: Settings),
            TextWriter.Null, cancellationToken);
        return new DrillNetwork(devnet, folder);
    }

    /// <summary>The devnet authority with id <paramref name="id"/>.</summary>
    public DevnetAuthority Authority(string id) => Devnet.Authorities.Single(a => a.Id == id);

    /// <summary>The clients of the gateway at <paramref name="address"/> (one channel per gateway).</summary>
    public GatewayClients ClientsOf(Uri address)
    {
        if (!_clients.TryGetValue(address, out var clients))
            _clients[address] = clients = GatewayClientFactory.Create(new GatewaySettings(address));
        return clients;
    }

    /// <summary>The clients of authority <paramref name="id"/>'s in-process gateway.</summary>
    public GatewayClients GatewayOf(string id) => ClientsOf(Devnet.Gateways[id]);

    /// <summary>
    /// Starts a second replica of authority <paramref name="id"/>'s gateway in this process, as
    /// an operator runs two behind a load balancer: the same keys and Redis prefix (they share
    /// idempotency records and the nonce lease), checkpoints of its own. Stopped with the network.
    /// </summary>
    public async Task<GatewayClients> StartReplicaAsync(string id, CancellationToken cancellationToken)
    {
        var settings = Devnet.GatewaySettingsOf(Authority(id), 0);
        settings["Stores:CheckpointDirectory"] = Path.Combine(_folder, $"{id}-replica-{_replicas.Count + 2}", "checkpoints");
        var replica = await InProcessGateway.StartAsync(settings, cancellationToken);
        _replicas.Add(replica);
        return ClientsOf(replica.Address);
    }

    /// <summary>The customs officer of authority <paramref name="id"/>.</summary>
    public string CustomsOf(string id) => Authority(id).CustomsIdentity ?? throw new InvalidOperationException($"{id} has no customs.");

    /// <summary>
    /// Registers <paramref name="count"/> new permits of the exporter to the importer through
    /// the exporter's gateway (in batches) and returns their IDs: CITES certificates that allow
    /// any number of shipments, or single-use CITES export permits.
    /// </summary>
    public async Task<IReadOnlyList<string>> RegisterPermitsAsync(int count, bool singleUse, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count)
            .Select(_ => string.Create(CultureInfo.InvariantCulture, $"{Authority(Exporter).Country}/2026/{Interlocked.Increment(ref _permitSequence):D6}"))
            .ToList();
        var issuer = GatewayOf(Exporter);
        var headers = new Metadata { { GatewaySettings.DevIdentityHeader, Authority(Exporter).IssuerIdentity } };
        foreach (var batch in ids.Chunk(50))
        {
            var request = new RegisterPermitBatchRequest { RequestId = Guid.NewGuid().ToString("N") };
            request.Permits.AddRange(batch.Select(id => Draft(id, singleUse)));
            await issuer.Permits.RegisterPermitBatchAsync(request, new CallOptions(headers, DateTime.UtcNow.AddMinutes(1), cancellationToken));
        }
        return ids;
    }

    /// <summary>
    /// Transactions the account of <paramref name="identity"/> has had mined (its nonce at the
    /// latest block): compared before and after a drill, it shows whether a write was sent twice,
    /// even where the contract made the second one change nothing.
    /// </summary>
    public async Task<ulong> MinedTransactionsOfAsync(string identity)
    {
        var account = Devnet.Authorities.SelectMany(a => a.Accounts).Single(a => a.Identity == identity).Address;
        var count = await new Nethereum.Web3.Web3(new Nethereum.JsonRpc.Client.RpcClient(Devnet.RpcUrl)).Eth.Transactions.GetTransactionCount
            .SendRequestAsync(account, Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest());
        return (ulong)count.Value;
    }

    /// <summary>Reads what the chain holds now, from the node.</summary>
    public Task<ChainTally> TallyAsync(CancellationToken cancellationToken) =>
        ChainTally.ReadAsync(Devnet.RpcUrl, Devnet.Registries.PermitRegistry, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var clients in _clients.Values)
            clients.Dispose();
        foreach (var replica in _replicas)
            await replica.DisposeAsync();
        await Devnet.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Something still holds a file; the work directory is the caller's to clean.
        }
    }

    private PermitDraft Draft(string permitId, bool singleUse)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return new PermitDraft
        {
            PermitId = permitId,
            Type = singleUse ? PermitType.CitesExport : PermitType.CitesCertificate,
            Document = ByteString.CopyFromUtf8($"drill document of {permitId}"),
            ValidFrom = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            DestinationCountry = Authority(Importer).Country,
            MaxShipments = singleUse ? 1u : 0u,
            Lines = { new QuantityLine { Amount = singleUse ? "10" : "1000000" } },
        };
    }
}
