using System.Net;
using System.Text;
using System.Text.Json;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// A loopback HTTP server answering every JSON-RPC request with a body made from the request's
/// id: the shape of a node that answers badly (not JSON, wrong id, too long), which anvil never does.
/// </summary>
internal sealed class CannedJsonRpcServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<long, string> _answer;
    private readonly Task _loop;
    private int _requests;

    public CannedJsonRpcServer(Func<long, string> answer)
    {
        _answer = answer;
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = ServeAsync();
    }

    public Uri Url { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The loop ends by the listener being stopped.
        }
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            Interlocked.Increment(ref _requests);
            using var request = await JsonDocument.ParseAsync(context.Request.InputStream);
            var body = Encoding.UTF8.GetBytes(_answer(request.RootElement.GetProperty("id").GetInt64()));
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
