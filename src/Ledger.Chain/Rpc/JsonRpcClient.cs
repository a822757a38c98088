using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Chain.Rpc;

/// <summary>
/// A JSON-RPC 2.0 client for one Ethereum node over HTTP(S). Every call has a timeout
/// (<see cref="JsonRpcClientOptions.Timeout"/>, measured on the injected
/// <see cref="TimeProvider"/>) and a response size ceiling. Safe for concurrent use.
/// </summary>
public sealed class JsonRpcClient : IRpcClient, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly JsonRpcClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _lastId;

    /// <summary>Creates a client with its own connection pool, disposed with the client.</summary>
    public JsonRpcClient(Uri endpoint, JsonRpcClientOptions? options = null, TimeProvider? timeProvider = null)
        : this(endpoint, CreateHttpClient(), ownsHttpClient: true, options, timeProvider)
    {
    }

    /// <summary>
    /// Creates a client over a caller-owned <paramref name="httpClient"/> (e.g. one with an
    /// authentication handler). Its own Timeout still applies on top of the options' timeout.
    /// </summary>
    public JsonRpcClient(Uri endpoint, HttpClient httpClient, JsonRpcClientOptions? options = null, TimeProvider? timeProvider = null)
        : this(endpoint, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false, options, timeProvider)
    {
    }

    private JsonRpcClient(Uri endpoint, HttpClient httpClient, bool ownsHttpClient, JsonRpcClientOptions? options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            if (ownsHttpClient)
                httpClient.Dispose();
            throw new ArgumentException("An RPC endpoint must be an absolute http:// or https:// URL.", nameof(endpoint));
        }
        _options = options ?? new JsonRpcClientOptions();
        _options.Validate();
        Endpoint = endpoint;
        EndpointName = RpcEndpointName.Of(endpoint);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The node's URL, as given. May contain credentials: show <see cref="EndpointName"/> instead.</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint's redacted name (scheme, host, port) used in messages.</summary>
    public string EndpointName { get; }

    /// <inheritdoc />
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default)
    {
        var request = new RpcRequest(method, parameters);
        ValidateRequest(request);
        var id = Interlocked.Increment(ref _lastId);
        var (status, body) = await PostAsync(method, JsonRpcWire.WriteRequest(id, request), cancellationToken).ConfigureAwait(false);
        var response = ReadAnswer(status, method, () => JsonRpcWire.ReadResponse(body, id, method, EndpointName));
        return response.GetResultOrThrow();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RpcResponse>> SendBatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
            return []; // JSON-RPC forbids an empty batch; there is nothing to ask.
        if (requests.Count > _options.MaxBatchSize)
            throw new ArgumentException(
                $"A batch holds at most {_options.MaxBatchSize} calls, got {requests.Count}; split it.", nameof(requests));
        foreach (var request in requests)
            ValidateRequest(request);

        var batchName = BatchName(requests.Count);
        var firstId = Interlocked.Add(ref _lastId, requests.Count) - requests.Count + 1;
        var (status, body) = await PostAsync(batchName, JsonRpcWire.WriteBatch(firstId, requests), cancellationToken).ConfigureAwait(false);
        return ReadAnswer(status, batchName, () => JsonRpcWire.ReadBatchResponse(body, firstId, requests, batchName, EndpointName));
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
            _http.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"JsonRpcClient({EndpointName})";

    /// <summary>The method name used in messages about a batch.</summary>
    internal static string BatchName(int count) => $"batch of {count} calls";

    private static void ValidateRequest(RpcRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Method))
            throw new ArgumentException("A JSON-RPC method name is required.", nameof(request));
        ArgumentNullException.ThrowIfNull(request.Parameters);
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Re-resolve DNS now and then, so a node that moved is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        // The client enforces its own timeout on the injected clock.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Interprets the body as a JSON-RPC answer. Bodies sent with an error status are
    /// accepted when they are a JSON-RPC answer (some nodes send errors with HTTP 400);
    /// otherwise the status is what the caller needs to hear about.
    /// </summary>
    private T ReadAnswer<T>(HttpStatusCode status, string method, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RpcTransportException e) when ((int)status is < 200 or > 299)
        {
            throw new RpcTransportException(method, EndpointName, $"HTTP {(int)status} {status}", e);
        }
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> PostAsync(string method, byte[] requestBody, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = new ByteArrayContent(requestBody);
            content.Headers.ContentType = JsonContentType;
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = response.StatusCode;
            // Overloaded, unavailable or rate limiting: the endpoint cannot serve now, whatever the body says.
            if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                throw Transport(method, $"HTTP {(int)status} {status}");
            var body = await ResponseBodyReader.ReadAsync(response.Content, _options.MaxResponseBytes, linked.Token).ConfigureAwait(false)
                ?? throw Transport(method, $"the response is larger than the {_options.MaxResponseBytes}-byte limit");
            return (status, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException e)
        {
            var why = timeout.IsCancellationRequested
                ? $"no answer within the {_options.Timeout.TotalMilliseconds:0} ms timeout"
                : "the HTTP client aborted the request (its own timeout?)";
            throw Transport(method, why, e);
        }
        catch (HttpRequestException e)
        {
            throw Transport(method, e.Message, e);
        }
        catch (IOException e)
        {
            throw Transport(method, e.Message, e);
        }
    }

    private RpcTransportException Transport(string method, string problem, Exception? inner = null) =>
        new(method, EndpointName, problem, inner);
}
