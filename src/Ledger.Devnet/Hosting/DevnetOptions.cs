namespace Ledger.Devnet.Hosting;

/// <summary>How to run the devnet.</summary>
/// <param name="BasePort">
/// Null: each gateway on the port the network definition gives it. 0: any free port (tests).
/// N: the i-th authority's gateway on N + i + 1.
/// </param>
/// <param name="UseRedis">Start a redis-server for the gateways' stores (one server, a key prefix per gateway); in-memory stores otherwise.</param>
/// <param name="StateFolder">Checkpoints, joined newcomers and the gateway list (default .devnet/ in the repository).</param>
/// <param name="ChainConfig">The chain-config folder (default: the repository's chain-config/).</param>
/// <param name="GatewaySettings">
/// Settings laid over every gateway's devnet configuration (e.g. <c>Limits:RequestsPerSecond</c> for a
/// load program); null for none. They cannot change what makes the topology (keys, identities, node).
/// </param>
/// <param name="GatewayLogging">Adds log providers to each gateway, by authority id (tests read audit lines), or null.</param>
public sealed record DevnetOptions(
    int? BasePort = null, bool UseRedis = true, string? StateFolder = null, string? ChainConfig = null,
    IReadOnlyDictionary<string, string?>? GatewaySettings = null, Action<string, ILoggingBuilder>? GatewayLogging = null);
