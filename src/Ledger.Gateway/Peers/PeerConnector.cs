using System.Net;
using System.Net.Sockets;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Opens the TCP connection of one call to another gateway (the <see cref="SocketsHttpHandler.ConnectCallback"/>):
/// it resolves the published host itself, keeps only the addresses <see cref="PeerHostPolicy"/>
/// allows, and connects to those exact addresses. The address judged is the address connected
/// to, so a name that resolves to a public address when checked and to a private one when
/// connecting (DNS rebinding) gains nothing: nothing is resolved twice. When no address is
/// allowed, nothing is connected and <see cref="Refusal"/> says why.
/// </summary>
internal sealed class PeerConnector(PeerHostPolicy policy)
{
    /// <summary>Why the connection was refused before any was attempted; null when it was not.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Connects to an allowed address of <paramref name="context"/>'s host, trying each in turn.</summary>
    /// <exception cref="PeerHostRefusedException">No address of the host is allowed; nothing was connected.</exception>
    /// <exception cref="SocketException">The host has no address, or no allowed address accepted the connection.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        var allowed = policy.AllowsName(host) ? addresses : addresses.Where(address => policy.RefusalOf(address) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reasons = string.Join("; ", addresses.Select(address => policy.RefusalOf(address)));
            Refusal = literal is not null ? reasons : $"{host} resolves to no allowed address: {reasons}";
            throw new PeerHostRefusedException(Refusal);
        }
        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
