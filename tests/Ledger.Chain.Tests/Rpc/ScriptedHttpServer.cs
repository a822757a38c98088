using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>A reply of the <see cref="ScriptedHttpServer"/>.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Response body.</param>
/// <param name="Chunked">Send with chunked transfer encoding (no Content-Length).</param>
internal sealed record ScriptedReply(int Status, byte[] Body, bool Chunked = false)
{
    public static ScriptedReply Json(JsonNode body, int status = 200) => new(status, Encoding.UTF8.GetBytes(body.ToJsonString()));

    public static ScriptedReply Text(string body, int status = 200) => new(status, Encoding.UTF8.GetBytes(body));
}

/// <summary>
/// A minimal HTTP/1.1 server on a loopback port that answers each request with whatever the
/// test's script returns, to exercise what real nodes rarely do on demand: answers out of
/// order, broken JSON, error statuses, oversized bodies. One request per connection.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<JsonNode?, ScriptedReply> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<JsonNode?> _requests = [];
    private readonly Lock _lock = new();

    private ScriptedHttpServer(Func<JsonNode?, ScriptedReply> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>The request bodies received so far, parsed.</summary>
    public IReadOnlyList<JsonNode?> Requests
    {
        get
        {
            lock (_lock)
                return [.. _requests];
        }
    }

    /// <summary>Starts a server that answers each request body (parsed JSON) with <paramref name="script"/>'s reply.</summary>
    public static ScriptedHttpServer Start(Func<JsonNode?, ScriptedReply> script) => new(script);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the loop.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using var _ = connection;
        try
        {
            var stream = connection.GetStream();
            var body = await ReadRequestBodyAsync(stream);
            var request = body.Length == 0 ? null : JsonNode.Parse(body);
            lock (_lock)
                _requests.Add(request);
            await WriteReplyAsync(stream, _script(request));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client gave up (e.g. refused an oversized body) or the server is stopping.
        }
    }

    private async Task<byte[]> ReadRequestBodyAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
                return [];
            received.AddRange(buffer.AsSpan(0, read));
        }
        var headers = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray());
        var lengthLine = headers.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var bodyStart = headerEnd + 4;
        while (received.Count - bodyStart < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
                break;
            received.AddRange(buffer.AsSpan(0, read));
        }
        return received.GetRange(bodyStart, Math.Min(length, received.Count - bodyStart)).ToArray();
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        }
        return -1;
    }

    private async Task WriteReplyAsync(NetworkStream stream, ScriptedReply reply)
    {
        var head = new StringBuilder($"HTTP/1.1 {reply.Status} Scripted\r\nContent-Type: application/json\r\nConnection: close\r\n");
        head.Append(reply.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {reply.Body.Length}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        if (!reply.Chunked)
        {
            await stream.WriteAsync(reply.Body, _stop.Token);
            return;
        }
        const int chunkSize = 4096;
        for (var offset = 0; offset < reply.Body.Length; offset += chunkSize)
        {
            var size = Math.Min(chunkSize, reply.Body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"), _stop.Token);
            await stream.WriteAsync(reply.Body.AsMemory(offset, size), _stop.Token);
            await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
        }
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stop.Token);
    }
}
