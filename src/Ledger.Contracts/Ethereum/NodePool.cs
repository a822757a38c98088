using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// One Nethereum <see cref="IClient"/> over several node endpoints (one per configured URL),
/// so that <c>new Web3(pool)</c> and every binding fail over without knowing it. A request goes
/// to the first endpoint that is up (in configuration order), then to those backing off (soonest
/// first). A transport failure (refused, timed out, not JSON-RPC) moves on to the next endpoint
/// and backs that one off; a JSON-RPC error answer (<see cref="RpcResponseException"/>) is the
/// node's answer and goes back to the caller unchanged. When every endpoint failed,
/// <see cref="NodeUnreachableException"/>. Thread-safe.
/// </summary>
public sealed class NodePool : IClient, IEthCaller, IDisposable
{
    private readonly IReadOnlyList<NodeEndpoint> _endpoints;
    private readonly NodePoolOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// A pool over the nodes at <paramref name="endpoints"/>, tried in this order: for each, a
    /// Nethereum <see cref="RpcClient"/> and a lean eth_call client (<see cref="CallAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No URL given.</exception>
    public NodePool(IEnumerable<Uri> endpoints, NodePoolOptions? options = null, TimeProvider? timeProvider = null)
        : this(Endpoints(endpoints, options ?? new NodePoolOptions()), options, timeProvider)
    {
    }

    /// <summary>A pool over given clients (e.g. scripted ones in tests), tried in this order; eth_call goes through them too.</summary>
    /// <exception cref="ArgumentException">No endpoint, or one without a name or client.</exception>
    public NodePool(IEnumerable<(string Name, IClient Client)> endpoints, NodePoolOptions? options = null, TimeProvider? timeProvider = null)
        : this(Endpoints(endpoints), options, timeProvider)
    {
    }

    /// <summary>A pool over endpoints built by the caller (tests: a lean client without touching Nethereum's process-wide timeout).</summary>
    internal NodePool(IReadOnlyList<NodeEndpoint> endpoints, NodePoolOptions? options, TimeProvider? timeProvider)
    {
        _options = options ?? new NodePoolOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _endpoints = endpoints;
        if (_endpoints.Count == 0)
            throw new ArgumentException("A pool needs at least one endpoint.", nameof(endpoints));
    }

    /// <summary>Raised when an endpoint goes down or comes back up.</summary>
    public event EventHandler<NodeHealth>? HealthChanged;

    /// <summary>The health of every endpoint, in configuration order.</summary>
    public IReadOnlyList<NodeHealth> GetHealth() => _endpoints.Select(e => e.Snapshot()).ToList();

    /// <summary>True while at least one endpoint is up.</summary>
    public bool HasHealthyEndpoint => _endpoints.Any(e => e.Snapshot().IsUp);

    /// <inheritdoc />
    public Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) =>
        ExecuteAsync("batch", client => client.SendBatchRequestAsync(rpcRequestResponseBatch));

    /// <inheritdoc />
    public Task<T> SendRequestAsync<T>(RpcRequest request, string? route = null) =>
        ExecuteAsync(request.Method, client => client.SendRequestAsync<T>(request, route));

    /// <inheritdoc />
    public Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) =>
        ExecuteAsync(rpcRequestMessage.Method, client => client.SendAsync(rpcRequestMessage, route));

    /// <inheritdoc />
    public Task<T> SendRequestAsync<T>(string method, string? route = null, params object[] paramList) =>
        ExecuteAsync(method, client => client.SendRequestAsync<T>(method, route, paramList));

    /// <inheritdoc />
    public Task SendRequestAsync(RpcRequest request, string? route = null) =>
        ExecuteAsync(request.Method, async client =>
        {
            await client.SendRequestAsync(request, route).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    public Task SendRequestAsync(string method, string? route = null, params object[] paramList) =>
        ExecuteAsync(method, async client =>
        {
            await client.SendRequestAsync(method, route, paramList).ConfigureAwait(false);
            return true;
        });

    /// <inheritdoc />
    /// <remarks>
    /// Fails over as every request does. Sent by each endpoint's lean client, which reads the
    /// answer without Nethereum's JSON handling. Cancelling ends the call without counting against
    /// the endpoint.
    /// </remarks>
    public Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data, BlockParameter? block, CancellationToken cancellationToken)
    {
        block ??= BlockParameter.CreateLatest();
        var blockName = block.GetRPCParam().ToString()!;
        return ExecuteAsync("eth_call", endpoint => endpoint.Caller is { } lean
            ? lean.CallAsync(to, data, blockName, cancellationToken)
            : EthCalls.ViaNethereumAsync(endpoint.Client, to, data, block, cancellationToken), cancellationToken);
    }

    /// <summary>Decodes with the first endpoint's client: every endpoint is a JSON-RPC client of the same kind.</summary>
    public T DecodeResult<T>(RpcResponseMessage rpcResponseMessage) => _endpoints[0].Client.DecodeResult<T>(rpcResponseMessage);

    /// <summary>
    /// Not used: interception would bypass the failover. Setting it throws. A wrapper around the
    /// pool intercepts instead; to keep the lean eth_call it implements <see cref="IEthCaller"/>, intercepting there too.
    /// </summary>
    public RequestInterceptor? OverridingRequestInterceptor
    {
        get => null;
        set => throw new NotSupportedException("A NodePool does not take a request interceptor; wrap the pool instead.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var endpoint in _endpoints)
        {
            (endpoint.Client as IDisposable)?.Dispose();
            endpoint.Caller?.Dispose();
        }
    }

    /// <summary>True for the failures that say nothing about the request, only about the way to the node.</summary>
    internal static bool IsTransportFailure(Exception e) =>
        e is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException or TimeoutException or IOException
            or TaskCanceledException;

    private static List<NodeEndpoint> Endpoints(IEnumerable<Uri> urls, NodePoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(urls);
        options.Validate(); // before the clients take its timeout
        // Nethereum's request timeout is one static setting for every RpcClient in the process.
        ClientBase.ConnectionTimeout = options.RequestTimeout;
        return urls.Select(url => new NodeEndpoint(NameOf(url), new RpcClient(url), new EthCallClient(url, options.RequestTimeout))).ToList();
    }

    private static List<NodeEndpoint> Endpoints(IEnumerable<(string Name, IClient Client)> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Select(e => new NodeEndpoint(
            string.IsNullOrWhiteSpace(e.Name) ? throw new ArgumentException("Every endpoint needs a name.", nameof(endpoints)) : e.Name,
            e.Client ?? throw new ArgumentException("An endpoint's client is null.", nameof(endpoints)))).ToList();
    }

    // Scheme, host and port only: a hosted node's path or user info often carries an API key, and names reach logs and metrics.
    private static string NameOf(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private Task<T> ExecuteAsync<T>(string method, Func<IClient, Task<T>> call) =>
        ExecuteAsync(method, endpoint => call(endpoint.Client), CancellationToken.None);

    private async Task<T> ExecuteAsync<T>(string method, Func<NodeEndpoint, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var endpoint in InOrderOfTrial())
        {
            try
            {
                var result = await call(endpoint).ConfigureAwait(false);
                Announce(endpoint.RecordAnswer(_timeProvider.GetUtcNow()));
                return result;
            }
            catch (RpcResponseException)
            {
                Announce(endpoint.RecordAnswer(_timeProvider.GetUtcNow()));
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // the caller gave up: nothing learnt about the endpoint
            }
            catch (Exception failure) when (IsTransportFailure(failure))
            {
                var error = $"{endpoint.Name}: {failure.Message}";
                Announce(endpoint.RecordFailure(_timeProvider.GetUtcNow(), error, _options));
                failures.Add(new IOException(error, failure));
            }
        }
        throw new NodeUnreachableException(method, failures);
    }

    private List<NodeEndpoint> InOrderOfTrial()
    {
        var now = _timeProvider.GetUtcNow();
        var eligible = new List<NodeEndpoint>(_endpoints.Count);
        var backingOff = new List<NodeEndpoint>();
        foreach (var endpoint in _endpoints)
            (endpoint.IsEligible(now) ? eligible : backingOff).Add(endpoint);
        eligible.AddRange(backingOff.OrderBy(e => e.RetryAfter));
        return eligible;
    }

    private void Announce(NodeHealth? transition)
    {
        if (transition is not null)
            HealthChanged?.Invoke(this, transition);
    }
}
