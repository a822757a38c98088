using System.Net;
using System.Net.Sockets;

namespace Ledger.Testing;

/// <summary>
/// A loopback server that accepts connections and never answers: the shape of a hung node,
/// for timeout and cancellation tests. Connections stay open until disposal.
/// </summary>
public sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    private SilentTcpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The server's URL.</summary>
    public Uri Url { get; }

    /// <summary>How many connections were accepted so far.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_lock)
                return _connections.Count;
        }
    }

    /// <summary>Starts listening on a free loopback port.</summary>
    public static SilentTcpServer Start() => new();

    /// <summary>Completes once a client has connected (the request is then in flight).</summary>
    public Task WaitForConnectionAsync(CancellationToken cancellationToken = default) =>
        _firstConnection.Task.WaitAsync(cancellationToken);

    /// <summary>Stops listening and closes every connection.</summary>
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
            // The loop ends by the listener being stopped.
        }
        lock (_lock)
        {
            foreach (var connection in _connections)
                connection.Dispose();
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_lock)
                _connections.Add(connection);
            _firstConnection.TrySetResult();
        }
    }
}
