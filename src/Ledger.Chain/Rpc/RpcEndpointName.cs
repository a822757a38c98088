namespace Ledger.Chain.Rpc;

/// <summary>
/// How an endpoint is named in messages and health reports: scheme, host and port only.
/// Node URLs may carry credentials in the user-info, path or query (API keys, tokens);
/// none of that may reach a log or an exception message.
/// </summary>
public static class RpcEndpointName
{
    /// <summary>The redacted name of <paramref name="endpoint"/>, e.g. "http://127.0.0.1:8545".</summary>
    public static string Of(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
            throw new ArgumentException("An RPC endpoint must be an absolute http(s) URL.", nameof(endpoint));
        return $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}";
    }
}
