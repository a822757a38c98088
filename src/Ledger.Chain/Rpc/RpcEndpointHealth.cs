namespace Ledger.Chain.Rpc;

/// <summary>A snapshot of one endpoint's health in an <see cref="RpcEndpointPool"/>, for health checks.</summary>
/// <param name="Name">The endpoint's redacted name (scheme, host, port) or the name it was given.</param>
/// <param name="IsUp">False after a transport failure, until the endpoint answers again.</param>
/// <param name="ConsecutiveFailures">Transport failures since the last answer.</param>
/// <param name="LastError">The last transport failure's message, or null.</param>
/// <param name="LastFailureAt">When the last transport failure happened.</param>
/// <param name="LastAnswerAt">When the endpoint last answered (a result or a JSON-RPC error).</param>
/// <param name="RetryAfter">While down: when the pool will try it again (before then only as a last resort).</param>
public sealed record RpcEndpointHealth(
    string Name,
    bool IsUp,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastFailureAt,
    DateTimeOffset? LastAnswerAt,
    DateTimeOffset? RetryAfter);
