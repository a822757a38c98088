using System.Net;
using System.Net.Sockets;

namespace Ledger.Testing;

/// <summary>Loopback ports for tests: free ones to bind, and closed ones to stand for a dead node.</summary>
public static class FreePort
{
    /// <summary>
    /// A loopback port that was free a moment ago: bound to port 0, read, released. Another
    /// process may take it in between; prefer "--port 0" wherever the server supports it.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>An http URL on a loopback port nobody listens on: connections are refused.</summary>
    public static Uri ClosedEndpoint() => new($"http://127.0.0.1:{Next()}/");
}
