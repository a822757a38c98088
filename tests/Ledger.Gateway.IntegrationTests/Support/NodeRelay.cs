using System.Net;
using System.Net.Sockets;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// A loopback port that relays TCP to a node once <see cref="Start"/> is called, and refuses
/// connections before: a node that is down when the gateway starts and comes up later.
/// </summary>
public sealed class NodeRelay : IAsyncDisposable
{
    private readonly Uri _node;
    private readonly int _port = Ledger.Testing.FreePort.Next();
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;

    /// <summary>A relay to <paramref name="node"/>, not yet listening.</summary>
    public NodeRelay(Uri node) => _node = node;

    /// <summary>The URL the gateway is to use for the node.</summary>
    public Uri Url => new($"http://127.0.0.1:{_port}/");

    /// <summary>Starts relaying: the node is up from now on.</summary>
    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, _port);
        _listener.Start();
        _acceptLoop = AcceptAsync(_listener);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            try
            {
                await _acceptLoop;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The loop ends by the listener being stopped.
            }
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(_stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var node = new TcpClient())
        {
            try
            {
                await node.ConnectAsync(_node.Host, _node.Port, _stop.Token);
                var there = client.GetStream().CopyToAsync(node.GetStream(), _stop.Token);
                var back = node.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                // Either side closing ends the relay of this connection.
                await Task.WhenAny(there, back);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection cut by either side or by disposal: nothing to relay any more.
            }
        }
    }
}
