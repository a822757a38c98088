using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Recognises the eth_sendRawTransaction refusals that mean "this nonce is already taken",
/// by the messages of the nodes the ledger runs on (matched case-insensitively):
/// <list type="bullet">
/// <item>"nonce too low": geth, anvil, Besu ("Nonce too low") — a transaction with this nonce is mined;</item>
/// <item>"already known" (geth), "known transaction" (Besu), "already imported" (anvil) — the pool holds a transaction with this hash, or (some nodes) this nonce;</item>
/// <item>"replacement transaction underpriced": geth, anvil, Besu — the pool holds another transaction with this nonce.</item>
/// </list>
/// Whether it is our own transaction is then settled by asking for it by hash.
/// </summary>
internal static class NonceErrors
{
    private static readonly string[] Patterns =
    [
        "nonce too low",
        "already known",
        "known transaction",
        "already imported",
        "replacement transaction underpriced",
    ];

    public static bool IsNonceTaken(RpcErrorException error) =>
        Patterns.Any(pattern => error.RpcMessage.Contains(pattern, StringComparison.OrdinalIgnoreCase));
}
