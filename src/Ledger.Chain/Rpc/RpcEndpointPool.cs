using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Chain.Rpc;

/// <summary>
/// An <see cref="IRpcClient"/> over several nodes of the same chain, in order of preference
/// (the authority's own node first). A call goes to the first endpoint that is up or whose
/// back-off has elapsed; on a <see cref="RpcTransportException"/> that endpoint is marked
/// down (doubling back-off, capped) and the next is tried. Endpoints still backing off are
/// tried last, as a last resort, soonest-retry first, so a call fails only when every
/// endpoint failed it, with a <see cref="RpcTransportException"/> listing each failure.
/// A JSON-RPC error never causes failover: the node answered, another would answer alike.
/// Safe for concurrent use.
/// </summary>
/// <remarks>
/// Failover may send a call twice when the first node received it but its answer was lost.
/// Reads do not mind. eth_sendRawTransaction does not either (same bytes, same hash), but
/// the second node may answer "already known" or "nonce too low": the sender must treat
/// that as success after checking the hash (see <see cref="RpcErrorException"/>).
/// </remarks>
public sealed class RpcEndpointPool : IRpcClient, IDisposable
{
    private readonly IReadOnlyList<RpcEndpointState> _endpoints;
    private readonly IReadOnlyList<JsonRpcClient> _ownedClients;
    private readonly RpcEndpointPoolOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a pool over node URLs, with one <see cref="JsonRpcClient"/> each (owned by the pool).</summary>
    public RpcEndpointPool(IEnumerable<Uri> endpoints, RpcEndpointPoolOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _options = options ?? new RpcEndpointPoolOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        var urls = endpoints.ToList();
        if (urls.Count == 0)
            throw new ArgumentException("A pool needs at least one endpoint.", nameof(endpoints));
        var clients = new List<JsonRpcClient>(urls.Count);
        try
        {
            foreach (var url in urls)
                clients.Add(new JsonRpcClient(url, _options.Client, _timeProvider));
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }
        _ownedClients = clients;
        _endpoints = clients.Select(c => new RpcEndpointState(c.EndpointName, c)).ToList();
    }

    /// <summary>
    /// Creates a pool over caller-built clients (e.g. with custom HTTP handlers), each with a
    /// name for messages and health reports (never put credentials in it). The caller keeps
    /// ownership of the clients.
    /// </summary>
    public RpcEndpointPool(
        IEnumerable<(string Name, IRpcClient Client)> endpoints, RpcEndpointPoolOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _options = options ?? new RpcEndpointPoolOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ownedClients = [];
        _endpoints = endpoints.Select(e => new RpcEndpointState(
            string.IsNullOrWhiteSpace(e.Name) ? throw new ArgumentException("Every endpoint needs a name.", nameof(endpoints)) : e.Name,
            e.Client ?? throw new ArgumentException("An endpoint's client is null.", nameof(endpoints)))).ToList();
        if (_endpoints.Count == 0)
            throw new ArgumentException("A pool needs at least one endpoint.", nameof(endpoints));
    }

    /// <summary>
    /// Raised when an endpoint goes down (first transport failure) or comes back up (first
    /// answer after failures), e.g. to log it. Raised on the calling thread; keep it quick.
    /// </summary>
    public event EventHandler<RpcEndpointHealth>? HealthChanged;

    /// <summary>The health of every endpoint, in order of preference.</summary>
    public IReadOnlyList<RpcEndpointHealth> GetHealth() => _endpoints.Select(e => e.Snapshot()).ToList();

    /// <summary>True when at least one endpoint is up (for a readiness check).</summary>
    public bool HasHealthyEndpoint => _endpoints.Any(e => e.Snapshot().IsUp);

    /// <inheritdoc />
    public Task<JsonElement> SendAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default) =>
        ExecuteAsync(method, (client, token) => client.SendAsync(method, parameters, token), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RpcResponse>> SendBatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return ExecuteAsync(JsonRpcClient.BatchName(requests.Count), (client, token) => client.SendBatchAsync(requests, token), cancellationToken);
    }

    /// <summary>Disposes the clients the pool created from URLs.</summary>
    public void Dispose()
    {
        foreach (var client in _ownedClients)
            client.Dispose();
    }

    private async Task<T> ExecuteAsync<T>(string method, Func<IRpcClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = new List<RpcTransportException>();
        foreach (var endpoint in InOrderOfTrial())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await call(endpoint.Client, cancellationToken).ConfigureAwait(false);
                Announce(endpoint.RecordAnswer(_timeProvider.GetUtcNow()));
                return result;
            }
            catch (RpcErrorException)
            {
                Announce(endpoint.RecordAnswer(_timeProvider.GetUtcNow()));
                throw;
            }
            catch (RpcTransportException failure)
            {
                Announce(endpoint.RecordFailure(_timeProvider.GetUtcNow(), failure.Message, _options));
                failures.Add(failure);
            }
        }
        throw new RpcTransportException(method, failures);
    }

    /// <summary>Eligible endpoints in preference order, then those backing off, soonest retry first.</summary>
    private List<RpcEndpointState> InOrderOfTrial()
    {
        var now = _timeProvider.GetUtcNow();
        var eligible = new List<RpcEndpointState>(_endpoints.Count);
        var backingOff = new List<RpcEndpointState>();
        foreach (var endpoint in _endpoints)
            (endpoint.IsEligible(now) ? eligible : backingOff).Add(endpoint);
        eligible.AddRange(backingOff.OrderBy(e => e.RetryAfter));
        return eligible;
    }

    private void Announce(RpcEndpointHealth? transition)
    {
        if (transition is not null)
            HealthChanged?.Invoke(this, transition);
    }
}
