using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ledger.Api.V1;
using Ledger.Core.Primitives;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Peers;

/// <summary>
/// A published gateway URL leading to an address this deployment does not allow is refused
/// before any connection: a listener there never sees one, whether the URL names the address or
/// a host name resolving to it. Listed, the same address is connected to.
/// </summary>
public sealed class PeerConnectionTests : IDisposable
{
    private static readonly Bytes32 Published = new(SHA256.HashData("the published certificate"u8));
    private static readonly GetPermitDocumentRequest Request = new() { PermitId = "CH/2026/000123", CallingAuthority = "0x1faa676a215ffe64601c02a10bca5e1d6ef2f56e" };

    private readonly TemporaryDirectory _files = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly PeerCertificate _certificate;

    public PeerConnectionTests()
    {
        using var peer = TestGatewayCertificates.SelfSigned("CN=gateway-fr");
        File.WriteAllText(_files.File("peer.crt"), peer.ExportCertificatePem());
        File.WriteAllText(_files.File("peer.key"), peer.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        _certificate = new PeerCertificate(Options.Create(new PeerOptions { CertificateFile = _files.File("peer.crt"), KeyFile = _files.File("peer.key") }));
        // Bound and listening, but never accepting: any connection made stays pending in its backlog.
        _listener.Start();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Dispose();
        _certificate.Dispose();
        _files.Dispose();
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is a loopback address, not in Peers:AllowedGatewayHosts")]
    [InlineData("localhost", "localhost resolves to no allowed address: ")]
    public async Task A_gateway_published_at_a_loopback_host_in_Production_is_refused_and_never_connected_to(string host, string refusal)
    {
        var failure = await Assert.ThrowsAsync<PeerLinkException>(() => Client(allowed: []).GetAsync(
            new Uri($"https://{host}:{Port}"), Published, Request, CancellationToken.None));

        Assert.Equal(PeerLinkFailure.HostRefused, failure.Cause);
        Assert.StartsWith(refusal, failure.Message, StringComparison.Ordinal);
        Assert.Equal($"https://{host}:{Port}", failure.Url);
        Assert.False(_listener.Pending(), "a connection reached the listener");
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.0/8")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("localhost", "localhost")]
    public async Task The_same_host_listed_is_connected_to(string host, string entry)
    {
        var accepted = _listener.AcceptSocketAsync();
        // The listener speaks no TLS: closing what it accepts ends the handshake at once.
        var closed = accepted.ContinueWith(socket => socket.Result.Dispose(), TaskScheduler.Default);

        var failure = await Assert.ThrowsAsync<PeerLinkException>(() => Client(allowed: [entry]).GetAsync(
            new Uri($"https://{host}:{Port}"), Published, Request, CancellationToken.None));
        await closed;

        Assert.Equal(PeerLinkFailure.Unreachable, failure.Cause);
        Assert.True(accepted.IsCompletedSuccessfully);
    }

    private PeerDocumentClient Client(string[] allowed) => new(_certificate,
        Options.Create(new PeerOptions { CallTimeout = TimeSpan.FromSeconds(30), AllowedGatewayHosts = [.. allowed] }),
        new PeerHostPolicy(allowed, allowLoopback: false));
}
