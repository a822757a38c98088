using System.Net;
using System.Net.Sockets;

namespace Ledger.Testing;

/// <summary>
/// A loopback server that accepts connections and never answers: the shape of a hung node,
/// for timeout and cancellation tests. It reads and drops what it is sent, so it notices a
/// client giving a request up (<see cref="ClosedByClientCount"/>). Connections stay open until
/// disposal or until the client closes them.
/// </summary>
public sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _closedByClient;

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

    /// <summary>How many connections the client closed (a request given up: nothing is ever answered).</summary>
    public int ClosedByClientCount => Volatile.Read(ref _closedByClient);

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
            _ = DrainAsync(connection);
        }
    }

    private async Task DrainAsync(TcpClient connection)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var stream = connection.GetStream();
            while (await stream.ReadAsync(buffer, _stop.Token) > 0)
            {
            }
            Interlocked.Increment(ref _closedByClient);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset is the client closing too; disposal ends the read without counting.
            if (!_stop.IsCancellationRequested)
                Interlocked.Increment(ref _closedByClient);
        }
    }
}
