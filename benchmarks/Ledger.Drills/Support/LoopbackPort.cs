using System.Net;
using System.Net.Sockets;

namespace Ledger.Drills.Support;

/// <summary>A free port on 127.0.0.1 for a process that cannot report the one it chose.</summary>
internal static class LoopbackPort
{
    /// <summary>A port free now (the operating system's choice for port 0).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
