using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// eth_call to one node over HTTP, without Nethereum's JSON handling: the request is written with
/// <see cref="Utf8JsonWriter"/> and the answer's <c>result</c> hex is decoded by
/// <see cref="EthCallAnswer"/> straight from the UTF-8 bytes into the returned bytes. Nethereum's
/// RpcClient builds a Newtonsoft JToken tree of the answer and a .NET string of its hex first,
/// which for a <c>verifyManyAtHead</c> of 256 keys (about 0.5 MB of hex) cost more CPU than the
/// node's call. Failures are raised as Nethereum's client raises them, so that the
/// <see cref="NodePool"/> and the revert decoding treat both alike: a JSON-RPC error answer is
/// <see cref="RpcResponseException"/> with the error's data; a timeout
/// <see cref="RpcClientTimeoutException"/>; anything else on the way (refused, HTTP error status,
/// not JSON-RPC, too large) <see cref="RpcClientUnknownException"/>. Thread-safe.
/// </summary>
internal sealed class EthCallClient : IDisposable
{
    /// <summary>Largest answer read: far above the largest call here (about 0.5 MB), far below what would hurt the process.</summary>
    public const int DefaultMaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;
    private readonly int _maxAnswerBytes;
    private long _lastId;

    /// <summary>A client for the node at <paramref name="url"/> (user info in the URL becomes basic authentication, as with Nethereum's RpcClient).</summary>
    /// <param name="url">The node's JSON-RPC endpoint.</param>
    /// <param name="timeout">How long one call may take before it is a <see cref="RpcClientTimeoutException"/>.</param>
    /// <param name="maxAnswerBytes">Longest answer body accepted; a longer one is a <see cref="RpcClientUnknownException"/>.</param>
    public EthCallClient(Uri url, TimeSpan timeout, int maxAnswerBytes = DefaultMaxAnswerBytes)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAnswerBytes, 64);
        _url = url;
        _timeout = timeout;
        _maxAnswerBytes = maxAnswerBytes;
        if (!string.IsNullOrEmpty(url.UserInfo))
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))));
        // Pooled keep-alive connections, renewed now and then so that a node behind DNS can move; the
        // environment's proxy settings apply, as they do to Nethereum's client for the other calls.
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each call has its own, below
        };
    }

    /// <summary>Calls <paramref name="to"/> with <paramref name="data"/> at <paramref name="block"/> and returns the bytes it returned (empty for "0x" or null).</summary>
    /// <param name="to">The contract.</param>
    /// <param name="data">The calldata.</param>
    /// <param name="block">The block as JSON-RPC names it: "latest" or a 0x-hex number.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/>, not a transport failure.</param>
    public async Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data, string block, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = Request(id, to, data.Span, block) };
        if (_authorization is not null)
            request.Headers.Authorization = _authorization;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        byte[]? body = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var (buffer, length) = await ReadBodyAsync(response.Content, deadline.Token).ConfigureAwait(false);
            body = buffer;
            return EthCallAnswer.Parse(buffer.AsSpan(0, length), id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new RpcClientTimeoutException($"eth_call timed out after {_timeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not RpcResponseException)
        {
            // The caller gave up and the transport said so its own way (a reset stream, an IOException):
            // still the caller's cancellation, which must not count against the endpoint.
            throw new OperationCanceledException("eth_call was cancelled by its caller.", e, cancellationToken);
        }
        catch (Exception e) when (e is not RpcResponseException and not RpcClientUnknownException)
        {
            // The cause's message (e.g. "Connection refused (host:port)") goes into the endpoint's health; it names no path or user info.
            throw new RpcClientUnknownException($"eth_call could not be sent or its answer read: {e.Message}", e);
        }
        finally
        {
            if (body is not null)
                ReturnBuffer(body);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static ReadOnlyMemoryContent Request(long id, Address to, ReadOnlySpan<byte> data, string block)
    {
        var body = new ArrayBufferWriter<byte>(data.Length * 2 + 160);
        using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WriteNumber("id"u8, id);
            json.WriteString("method"u8, "eth_call"u8);
            json.WriteStartArray("params"u8);
            json.WriteStartObject();
            json.WriteString("to"u8, Hex(to.Bytes));
            json.WriteString("data"u8, Hex(data));
            json.WriteEndObject();
            json.WriteStringValue(block);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    // "0x" and lower-case hex, as UTF-8 (no .NET string of the calldata's hex on the way).
    private static byte[] Hex(ReadOnlySpan<byte> bytes)
    {
        var hex = new byte[2 + bytes.Length * 2];
        hex[0] = (byte)'0';
        hex[1] = (byte)'x';
        Convert.TryToHexStringLower(bytes, hex.AsSpan(2), out _);
        return hex;
    }

    // The whole body in a buffer (the caller gives it back with ReturnBuffer), refusing one longer
    // than the limit as soon as more than the limit has arrived, never reading past limit + 1.
    private async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > _maxAnswerBytes)
            throw TooLarge();
        var buffer = RentBuffer(declared is { } known ? (int)known + 1 : 16 * 1024);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = RentBuffer(Math.Min(buffer.Length * 2, _maxAnswerBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ReturnBuffer(buffer);
                    buffer = larger;
                }
                var room = Math.Min(buffer.Length, _maxAnswerBytes + 1) - length;
                var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
                if (length > _maxAnswerBytes)
                    throw TooLarge();
            }
            return (buffer, length);
        }
        catch
        {
            ReturnBuffer(buffer);
            throw;
        }
    }

    // Pooled up to 1 MiB (every answer here but the largest batch reads); larger ones are plain
    // arrays, so that a rare large answer does not leave a many-megabyte array held by the shared pool.
    private const int LargestPooledBuffer = 1024 * 1024;

    private static byte[] RentBuffer(int size) => size <= LargestPooledBuffer ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    private static void ReturnBuffer(byte[] buffer)
    {
        if (buffer.Length <= LargestPooledBuffer)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private RpcClientUnknownException TooLarge() =>
        new($"The node's answer to eth_call is longer than {_maxAnswerBytes} bytes: not read.");
}
