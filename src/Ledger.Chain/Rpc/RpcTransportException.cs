namespace Ledger.Chain.Rpc;

/// <summary>
/// The endpoint could not be used: connection refused, timeout, HTTP error status, a body
/// that is not a JSON-RPC answer, or an oversized response. Retryable: another endpoint
/// (or the same one later) may answer. Messages name the endpoint without credentials and
/// never contain request parameters.
/// </summary>
public class RpcTransportException : RpcException
{
    /// <summary>Creates the exception for one endpoint.</summary>
    public RpcTransportException(string method, string endpoint, string message, Exception? innerException = null)
        : base(method, $"{method} via {endpoint}: {message}", innerException)
    {
        Endpoint = endpoint;
        Failures = [];
    }

    /// <summary>Creates the exception summarising that every endpoint of a pool failed.</summary>
    public RpcTransportException(string method, IReadOnlyList<RpcTransportException> failures)
        : base(method, DescribeAll(method, failures), failures.Count > 0 ? failures[0] : null)
    {
        Endpoint = string.Join(", ", failures.Select(f => f.Endpoint));
        Failures = failures;
    }

    /// <summary>The endpoint (scheme, host and port only) or endpoints that failed.</summary>
    public string Endpoint { get; }

    /// <summary>For a pool on which every endpoint failed: each endpoint's failure, in the order tried.</summary>
    public IReadOnlyList<RpcTransportException> Failures { get; }

    private static string DescribeAll(string method, IReadOnlyList<RpcTransportException> failures) =>
        failures.Count == 0
            ? $"{method}: no endpoint is configured."
            : $"{method}: all {failures.Count} endpoints failed: "
              + string.Join("; ", failures.Select(f => f.Message));
}
