using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The peer endpoint of a Production-mode gateway (mutual TLS with trusted CAs on the officers'
/// listener): a gateway presenting a self-signed certificate, from no CA the gateway trusts, is
/// admitted to the handshake and answered when that certificate is the one its authority
/// published on chain, and refused PERMISSION_DENIED when it is not.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class PeerEndpointProductionTests(LedgerNetworkFixture network) : IAsyncLifetime
{
    private readonly CertificateSet _pki = new();
    private GatewayHost? _gateway;

    public async Task InitializeAsync()
    {
        var settings = _pki.ProductionConfiguration();
        // Chain reads only: no keystores (a production gateway signs for one country; this one signs for none).
        foreach (var name in new[] { "Redis:Configuration", "Stores:KeyPrefix", "Chain:RpcUrls:0", "Chain:DeploymentRecordFile", "Chain:ReceiptPollInterval", "Chain:FollowerPollInterval" })
            settings[name] = network.Settings[name];
        settings["Peers:Port"] = "0";
        settings["Peers:CertificateFile"] = _pki.ServerCertificateFile;
        settings["Peers:KeyFile"] = _pki.ServerKeyFile;
        _gateway = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _pki.Dispose();
    }

    [Fact]
    public async Task A_gateway_with_a_published_self_signed_certificate_is_answered_and_an_unpublished_one_refused()
    {
        var peerUrl = PeerTestSupport.PeerUrl(_gateway!.Services);
        using var published = TestGatewayCertificates.SelfSigned("CN=gateway-no");
        using var unpublished = TestGatewayCertificates.SelfSigned("CN=gateway-no");
        await PeerTestSupport.PublishAsync(network, Officials.NoIssuer, Officials.NoCustoms, "https://gateway-no.test:7444", CertificateFingerprint.Of(published));
        var request = new GetPermitDocumentRequest { PermitId = "CH/2026/NEVER-REGISTERED", CallingAuthority = network.AccountOf(Officials.NoCustoms).ToChecksumHex() };

        var answered = await PeerTestSupport.PeerClient(peerUrl, published).GetPermitDocumentAsync(request);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await PeerTestSupport.PeerClient(peerUrl, unpublished).GetPermitDocumentAsync(request));

        Assert.Equal(DocumentAvailability.NotAvailable, answered.Availability);
        Assert.Equal(DocumentsServeHandler.NothingToServe, answered.NotAvailableReason);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("is not the gateway authority", refused.Status.Detail, StringComparison.Ordinal);
    }
}
