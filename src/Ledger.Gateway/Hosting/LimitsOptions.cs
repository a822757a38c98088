namespace Ledger.Gateway.Hosting;

/// <summary>Bounds on what one caller can make the gateway do (configuration section <c>Limits</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Limits";

    /// <summary>Requests per second an authority's officials may make together (token bucket refill): the ceiling per authority.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests an authority's officials may make together at once above the steady rate (token bucket size).</summary>
    public int Burst { get; set; } = 100;

    /// <summary>
    /// Requests per second one official (one authenticated caller of an authority) may make; at
    /// most <see cref="RequestsPerSecond"/>. Below it, so that one official's runaway client
    /// leaves room for the colleagues.
    /// </summary>
    public int CallerRequestsPerSecond { get; set; } = 25;

    /// <summary>Requests one official may make at once above the steady rate; at most <see cref="Burst"/>.</summary>
    public int CallerBurst { get; set; } = 50;

    /// <summary>Requests per second one peer gateway (one other authority) may make on the peer endpoint.</summary>
    public int PeerRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests one peer gateway may make at once on the peer endpoint above the steady rate.</summary>
    public int PeerBurst { get; set; } = 20;

    /// <summary>
    /// Requests per second the peer endpoint takes from all callers together; at least
    /// <see cref="PeerRequestsPerSecond"/>. The per-peer bucket is keyed by the presented
    /// certificate, so a member whose CA mints certificates would get a fresh bucket with each:
    /// this ceiling bounds what the endpoint (and the pin check's chain read) can be made to do.
    /// Such a member can then use up the ceiling and hold the honest peers back with it: the
    /// trade is a bounded endpoint for a fetch retried later (a refused fetch is UNAVAILABLE).
    /// Unset: <see cref="DefaultPeerEndpointRequestsPerSecond"/>, and at least 5 peers' worth, so
    /// that a gateway that raised <see cref="PeerRequestsPerSecond"/> before this existed still starts.
    /// </summary>
    public int? PeerEndpointRequestsPerSecond { get; set; }

    /// <summary>Requests the peer endpoint takes at once from all callers together above the steady rate; at least <see cref="PeerBurst"/>. Unset: <see cref="DefaultPeerEndpointBurst"/>, and at least 5 peers' worth.</summary>
    public int? PeerEndpointBurst { get; set; }

    /// <summary>The peer endpoint's ceiling when <see cref="PeerEndpointRequestsPerSecond"/> is unset (and 5 × a peer's limit is lower).</summary>
    public const int DefaultPeerEndpointRequestsPerSecond = 50;

    /// <summary>The peer endpoint's burst when <see cref="PeerEndpointBurst"/> is unset (and 5 × a peer's burst is lower).</summary>
    public const int DefaultPeerEndpointBurst = 100;

    /// <summary>The ceiling in force: <see cref="PeerEndpointRequestsPerSecond"/>, or its default.</summary>
    public int PeerEndpointRequestsPerSecondInForce =>
        PeerEndpointRequestsPerSecond ?? Math.Max(DefaultPeerEndpointRequestsPerSecond, PeersWorth(PeerRequestsPerSecond));

    /// <summary>The burst in force: <see cref="PeerEndpointBurst"/>, or its default.</summary>
    public int PeerEndpointBurstInForce => PeerEndpointBurst ?? Math.Max(DefaultPeerEndpointBurst, PeersWorth(PeerBurst));

    private static int PeersWorth(int perPeer) => Worth(5, perPeer);

    private static int Worth(int callers, int each) => (int)Math.Min(int.MaxValue, (long)callers * each);

    /// <summary>
    /// Requests per second one client address (an IPv6 client: its /64 network) may make on a
    /// Production console without an identity (no client certificate, or one no officer is mapped
    /// to): the public page, the assets and the refusals. Officers are limited per official and
    /// authority instead.
    /// </summary>
    public int AnonymousConsoleRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests one client address may make at once without an identity on a Production console above the steady rate.</summary>
    public int AnonymousConsoleBurst { get; set; } = 60;

    /// <summary>
    /// Requests per second all callers without an identity on a Production console may make
    /// together; at least <see cref="AnonymousConsoleRequestsPerSecond"/>. Client addresses are
    /// cheap to come by (a botnet's, or many IPv6 /64s), so this ceiling bounds what the anonymous
    /// side can make the console, and the chain reads behind its public page, do. Such callers can
    /// then use it up and hold the honest public back with it; officers are not counted against it.
    /// Unset: <see cref="AnonymousConsoleAddressesWorth"/> client addresses' worth, so that a gateway
    /// that raised the per-address limit before this existed still starts.
    /// </summary>
    public int? AnonymousConsoleTotalRequestsPerSecond { get; set; }

    /// <summary>Requests all callers without an identity may make at once on a Production console above the steady rate; at least <see cref="AnonymousConsoleBurst"/>. Unset: <see cref="AnonymousConsoleAddressesWorth"/> addresses' worth.</summary>
    public int? AnonymousConsoleTotalBurst { get; set; }

    /// <summary>How many client addresses' allowance the anonymous ceiling is when unset.</summary>
    public const int AnonymousConsoleAddressesWorth = 10;

    /// <summary>The anonymous ceiling in force: <see cref="AnonymousConsoleTotalRequestsPerSecond"/>, or its default.</summary>
    public int AnonymousConsoleTotalRequestsPerSecondInForce =>
        AnonymousConsoleTotalRequestsPerSecond ?? Worth(AnonymousConsoleAddressesWorth, AnonymousConsoleRequestsPerSecond);

    /// <summary>The anonymous burst in force: <see cref="AnonymousConsoleTotalBurst"/>, or its default.</summary>
    public int AnonymousConsoleTotalBurstInForce => AnonymousConsoleTotalBurst ?? Worth(AnonymousConsoleAddressesWorth, AnonymousConsoleBurst);

    /// <summary>
    /// The largest request body a Production console takes from a caller without an identity
    /// (the API's <see cref="GatewayOptions.MaxRequestBytes"/> is for officers' documents).
    /// </summary>
    public int AnonymousConsoleMaxRequestBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// WatchPermits streams one official (one authenticated caller within its authority) may hold
    /// open at once; at most <see cref="MaxWatchStreamsPerAuthority"/>, so that one official's
    /// client cannot take every stream of the authority and lock the colleagues out.
    /// </summary>
    public int MaxWatchStreamsPerOfficial { get; set; } = 4;

    /// <summary>
    /// WatchPermits streams all officials of one authority may hold open at once together; at
    /// most <see cref="MaxWatchStreamsTotal"/>, so that one authority cannot take every stream
    /// of the gateway from the others it serves.
    /// </summary>
    public int MaxWatchStreamsPerAuthority { get; set; } = 64;

    /// <summary>WatchPermits streams the gateway holds open at once, all callers together.</summary>
    public int MaxWatchStreamsTotal { get; set; } = 256;

    /// <summary>
    /// The former name of <see cref="MaxWatchStreamsPerAuthority"/> (it counted per authority, not
    /// per caller). It limits nothing: a value here stops the host at startup, so a limit someone
    /// tuned is not silently replaced by the defaults of the two settings that succeed it.
    /// </summary>
    public int? MaxWatchStreamsPerCaller { get; set; }

    /// <summary>Events and checkpoints a WatchPermits stream may have waiting before it is ended as too slow.</summary>
    public int WatchBufferItems { get; set; } = 1_000;

    /// <summary>How many blocks behind the head a WatchPermits <c>from_block</c> may start.</summary>
    public ulong MaxReplayBlocks { get; set; } = 100_000;
}
