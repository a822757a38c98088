using Ledger.Chain.Rpc;

namespace Ledger.Chain.Logs;

/// <summary>
/// Recognises an eth_getLogs refusal that means "ask for fewer blocks", by the messages nodes
/// and providers send (matched case-insensitively):
/// <list type="bullet">
/// <item>"query returned more than" — geth and Infura: "query returned more than 10000 results";</item>
/// <item>"maximum block range" — "exceed maximum block range: 5000" (geth-based providers);</item>
/// <item>"range limit" — Besu: "Requested range exceeds maximum RPC range limit";</item>
/// <item>"limit exceeded" — providers answering -32005 "limit exceeded";</item>
/// <item>"response size" — "Log response size exceeded";</item>
/// <item>"too many" — "too many results", "too many logs".</item>
/// </list>
/// </summary>
internal static class LogQueryLimits
{
    private static readonly string[] Patterns =
    [
        "query returned more than",
        "maximum block range",
        "range limit",
        "limit exceeded",
        "response size",
        "too many",
    ];

    public static bool IsTooLarge(RpcErrorException error) =>
        Patterns.Any(pattern => error.RpcMessage.Contains(pattern, StringComparison.OrdinalIgnoreCase));
}
