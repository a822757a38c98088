namespace Ledger.Contracts.Ethereum;

/// <summary>What a <see cref="NodePool"/> knows about one endpoint.</summary>
/// <param name="Name">The endpoint, without credentials (scheme, host, port, path).</param>
/// <param name="IsUp">False after a transport failure, until the next answer.</param>
/// <param name="ConsecutiveFailures">Transport failures since the last answer.</param>
/// <param name="LastError">The last transport failure's message.</param>
/// <param name="LastFailureAt">When it failed last.</param>
/// <param name="LastAnswerAt">When it last answered (a JSON-RPC error is an answer).</param>
/// <param name="RetryAfter">Before this time the pool tries it only after every other endpoint; null while up.</param>
public sealed record NodeHealth(
    string Name,
    bool IsUp,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastFailureAt,
    DateTimeOffset? LastAnswerAt,
    DateTimeOffset? RetryAfter);
