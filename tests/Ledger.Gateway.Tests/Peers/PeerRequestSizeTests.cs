using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.Tests.Peers;

/// <summary>
/// The peer endpoint admits any client certificate to the handshake and pins it only in the
/// handler, so a stranger's oversized message must be refused before it is read, not at the
/// API's size limit.
/// </summary>
public sealed class PeerRequestSizeTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _files = new();
    private GatewayHost? _gateway;

    public async Task InitializeAsync()
    {
        using var peer = TestGatewayCertificates.SelfSigned("CN=gateway-ch");
        File.WriteAllText(_files.File("peer.crt"), peer.ExportCertificatePem());
        File.WriteAllText(_files.File("peer.key"), peer.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var settings = TestOptions.DevnetGateway(_files.File("checkpoints"));
        // No node answers here: the size check comes before any chain read.
        settings["Chain:RpcUrls:0"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["Chain:PermitRegistry"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        settings["Chain:AuthorityRegistry"] = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
        settings["Peers:Port"] = "0";
        settings["Peers:CertificateFile"] = _files.File("peer.crt");
        settings["Peers:KeyFile"] = _files.File("peer.key");
        _gateway = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task A_stranger_s_oversized_request_is_refused_RESOURCE_EXHAUSTED_and_the_largest_valid_one_is_read()
    {
        using var stranger = TestGatewayCertificates.SelfSigned("CN=stranger");
        var client = new PeerDocumentService.PeerDocumentServiceClient(
            TestGatewayCertificates.ChannelPresenting($"https://{_gateway!.Services.GetRequiredService<PeerEndpoint>().BoundEndPoint}", stranger));
        const string authority = "0x1faa676a215ffe64601c02a10bca5e1d6ef2f56e";

        var oversized = await Assert.ThrowsAsync<RpcException>(() => client.GetPermitDocumentAsync(
            new GetPermitDocumentRequest { PermitId = new string('A', PeerEndpoint.MaxRequestBytes + 1), CallingAuthority = authority }).ResponseAsync);
        // The longest permit ID input the handler reads, in its widest UTF-8 form (256 characters of 3 bytes, PermitIdRules.MaxInputLength): read, then refused by the handler.
        var longest = await Assert.ThrowsAsync<RpcException>(() => client.GetPermitDocumentAsync(
            new GetPermitDocumentRequest { PermitId = new string('\u20AC', 256), CallingAuthority = authority }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, oversized.StatusCode);
        Assert.NotEqual(StatusCode.ResourceExhausted, longest.StatusCode);
    }
}
