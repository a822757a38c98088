using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Application;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The document exchange's answers that the devnet tests do not reach. EPIX GET NON FINAL for
/// a draft: a permit the issuer holds but has not registered is
/// answered NOT_AVAILABLE "held as a draft" to the destination country's customs, authorised
/// by the destination written in the draft document (the chain knows nothing of it yet), and
/// refused to a third country. The draft is held in the gateway's own SQLite document store, as
/// HoldPermitDraft holds it. A gateway with a peer endpoint is started beside
/// the shared one; CH's issuer and FR's customs publish it as their gateway, so it fetches from
/// itself as FR customs and serves as CH's issuer. And the errors an officer can act on: an
/// issuer with no gateway in the directory (FAILED_PRECONDITION), one whose gateway does not
/// answer (UNAVAILABLE), and a document over the receiving gateway's bound refused unread.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class DocumentExchangeHostTests(LedgerNetworkFixture network) : IAsyncLifetime
{
    /// <summary>The bound on documents received from other gateways (Peers:MaxDocumentBytes) of the host under test.</summary>
    private const int MaxDocumentBytes = 4096;

    private readonly TemporaryDirectory _folder = new();
    private GatewayHost? _gateway;
    private IDocumentStore? _drafts;

    public async Task InitializeAsync()
    {
        var certificate = PeerTestSupport.WriteSelfSigned(_folder.Path, "peer");
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Peers:Port"] = "0",
            ["Peers:CertificateFile"] = certificate.CertificateFile,
            ["Peers:KeyFile"] = certificate.KeyFile,
            ["Peers:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Documents:Provider"] = "Sqlite",
            ["Documents:SqlitePath"] = Path.Combine(_folder.Path, "documents.sqlite"),
            ["Documents:ActiveKeyId"] = "documents",
            ["Documents:EncryptionKeys:documents"] = Convert.ToBase64String(new byte[32]),
        };
        _gateway = await GatewayHost.StartAsync(settings);
        _drafts = _gateway.Services.GetRequiredService<IDocumentStore>();
        var fingerprint = _gateway.Services.GetRequiredService<PeerCertificate>().Fingerprint;
        await PeerTestSupport.PublishAsync(network, Officials.ChIssuer, Officials.ChIssuer, PeerUrl, fingerprint);
        await PeerTestSupport.PublishAsync(network, Officials.FrIssuer, Officials.FrCustoms, PeerUrl, fingerprint);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _folder.Dispose();
    }

    private string PeerUrl => PeerTestSupport.PeerUrl(_gateway!.Services);

    [Fact]
    public async Task A_draft_is_NOT_AVAILABLE_held_as_a_draft_for_the_destination_and_refused_to_a_third_country()
    {
        var permitId = "CH/2026/DRAFT-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var document = DraftDocument(permitId);
        await _drafts!.PutAsync(new DocumentToStore(PermitId.Parse(permitId), "application/xml", document, DateTimeOffset.UtcNow.AddYears(1), AsDraft: true));
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);

        var forFrance = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId }, As(Officials.FrCustoms));
        var unknown = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId + "-X" }, As(Officials.FrCustoms));
        using var norway = TestGatewayCertificates.SelfSigned();
        await PeerTestSupport.PublishAsync(network, Officials.NoIssuer, Officials.NoCustoms, PeerUrl, CertificateFingerprint.Of(norway));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await PeerTestSupport.PeerClient(PeerUrl, norway).GetPermitDocumentAsync(
            new GetPermitDocumentRequest { PermitId = permitId, CallingAuthority = network.AccountOf(Officials.NoCustoms).ToChecksumHex() }));

        Assert.Equal(DocumentAvailability.NotAvailable, forFrance.Availability);
        Assert.Equal("held as a draft by the issuer; not yet registered on the ledger", forFrance.NotAvailableReason);
        Assert.Equal(VerificationReason.Unknown, forFrance.Verification.Reason);
        Assert.Equal(PeerUrl, forFrance.IssuerGatewayUrl);
        Assert.True(forFrance.Document.IsEmpty);
        Assert.Equal(DocumentAvailability.NotAvailable, unknown.Availability);
        Assert.StartsWith("not on the ledger", unknown.NotAvailableReason, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("CH (issuing) and FR (destination)", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_without_a_published_gateway_is_FAILED_PRECONDITION_and_one_whose_gateway_is_down_UNAVAILABLE()
    {
        var permitId = Permits.NewId("NO");
        var draft = Permits.ExportDraft(permitId);
        await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.NoIssuer));
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);
        var request = new FetchPermitDocumentRequest { PermitId = permitId };

        var unpublished = await Assert.ThrowsAsync<RpcException>(async () => await documents.FetchPermitDocumentAsync(request, As(Officials.FrCustoms)));
        var closed = $"https://127.0.0.1:{FreePort.Next()}";
        await PeerTestSupport.PublishAsync(network, Officials.NoIssuer, Officials.NoIssuer, closed, new Bytes32(System.Security.Cryptography.SHA256.HashData("gateway-no"u8)));
        var down = await Assert.ThrowsAsync<RpcException>(async () => await documents.FetchPermitDocumentAsync(request, As(Officials.FrCustoms)));

        Assert.Equal(StatusCode.FailedPrecondition, unpublished.StatusCode);
        Assert.Contains($"the issuer {network.AccountOf(Officials.NoIssuer).ToChecksumHex()} has published no usable gateway on chain", unpublished.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Equal($"the issuer's gateway at {closed} cannot be reached (Unavailable); retry later", down.Status.Detail);
    }

    [Fact]
    public async Task A_document_over_the_receiving_gateways_bound_is_refused_unread_and_one_within_it_served()
    {
        var small = Permits.ExportDraft(Permits.NewId());
        var large = Permits.ExportDraft(Permits.NewId());
        large.Document = Google.Protobuf.ByteString.CopyFrom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(128 * 1024));
        var store = _gateway!.Services.GetRequiredService<IDocumentStore>();
        foreach (var draft in new[] { small, large })
        {
            await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
            await store.PutAsync(new DocumentToStore(PermitId.Parse(draft.PermitId), "application/octet-stream", draft.Document.Memory, draft.ValidUntil.ToDateTimeOffset()));
        }
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);

        var served = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = small.PermitId }, As(Officials.FrCustoms));
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = large.PermitId }, As(Officials.FrCustoms)));

        Assert.True(served.MatchesLedger);
        Assert.Equal(small.Document, served.Document);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal($"the issuer's gateway at {PeerUrl} answered more than {MaxDocumentBytes} bytes of document; refused unread", refused.Status.Detail);
    }

    /// <summary>The sample CITES export permit (CH to FR), renumbered.</summary>
    private static byte[] DraftDocument(string permitId) =>
        System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml"))
            .Replace("CH/2026/000123", permitId, StringComparison.Ordinal));
}
