namespace Ledger.Devnet.Hosting;

/// <summary>How to run the devnet.</summary>
/// <param name="GatewayPort">Port of the gateway on 127.0.0.1 (0 = any free port, as tests use).</param>
/// <param name="UseRedis">Start a redis-server for the gateway's stores; in-memory stores otherwise.</param>
/// <param name="StateFolder">Keystores, deployment record and checkpoints (default .devnet/ in the repository).</param>
public sealed record DevnetOptions(int GatewayPort = DevnetOptions.DefaultGatewayPort, bool UseRedis = true, string? StateFolder = null)
{
    /// <summary>The gateway port the README and `ledger` default to.</summary>
    public const int DefaultGatewayPort = 5080;
}
