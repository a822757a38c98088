using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Application;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The document exchange's answers that the devnet tests do not reach. A gateway with a peer
/// endpoint is started beside the shared one, holding only CH's issuer's key (FR's and NO's
/// issuers are other gateways' accounts); CH's issuer and FR's customs publish it as their
/// gateway, so it fetches from itself as FR customs and serves as CH's issuer. Drafts are held in
/// its own SQLite document store, as HoldPermitDraft holds them. What it serves: only a permit one
/// of its own issuers registered, never a copy held as a draft, never a copy whose hash is not the
/// anchored one; EPIX GET NON FINAL for a draft (NOT_AVAILABLE "held as a draft" to the
/// destination named in the draft document); and one same answer to a caller not entitled,
/// whether a draft exists or nothing does. And the errors an officer can act on: an issuer with
/// no gateway in the directory (FAILED_PRECONDITION), one whose gateway gives no answer (UNAVAILABLE,
/// one same answer whether its host is not allowed here, it cannot be reached or it presents
/// another certificate; the audit log tells which), and a document over the receiving gateway's
/// bound refused unread.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class DocumentExchangeHostTests(LedgerNetworkFixture network) : IAsyncLifetime
{
    /// <summary>The bound on documents received from other gateways (Peers:MaxDocumentBytes) of the host under test.</summary>
    private const int MaxDocumentBytes = 4096;

    private readonly TemporaryDirectory _folder = new();
    private readonly X509Certificate2 _certificate = TestGatewayCertificates.SelfSigned("CN=gateway-ch");
    private GatewayHost? _gateway;
    private IDocumentStore? _store;

    public async Task InitializeAsync()
    {
        var (certificateFile, keyFile) = PeerTestSupport.Write(_folder.Path, "peer", _certificate);
        var settings = network.SettingsWithOnlyKeystoreOf(Officials.ChIssuer);
        settings["Peers:Port"] = "0";
        settings["Peers:CertificateFile"] = certificateFile;
        settings["Peers:KeyFile"] = keyFile;
        settings["Peers:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Documents:Provider"] = "Sqlite";
        settings["Documents:SqlitePath"] = Path.Combine(_folder.Path, "documents.sqlite");
        settings["Documents:ActiveKeyId"] = "documents";
        settings["Documents:EncryptionKeys:documents"] = Convert.ToBase64String(new byte[32]);
        _gateway = await GatewayHost.StartAsync(settings);
        _store = _gateway.Services.GetRequiredService<IDocumentStore>();
        var fingerprint = _gateway.Services.GetRequiredService<PeerCertificate>().Fingerprint;
        await PeerTestSupport.PublishAsync(network, Officials.ChIssuer, Officials.ChIssuer, PeerUrl, fingerprint);
        await PeerTestSupport.PublishAsync(network, Officials.FrIssuer, Officials.FrCustoms, PeerUrl, fingerprint);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _certificate.Dispose();
        _folder.Dispose();
    }

    private string PeerUrl => PeerTestSupport.PeerUrl(_gateway!.Services);

    [Fact]
    public async Task A_draft_is_NOT_AVAILABLE_held_as_a_draft_for_its_destination()
    {
        var permitId = "CH/2026/DRAFT-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await _store!.PutAsync(new DocumentToStore(PermitId.Parse(permitId), "application/xml", DraftDocument(permitId), DateTimeOffset.UtcNow.AddYears(1), AsDraft: true));
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);

        var forFrance = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId }, As(Officials.FrCustoms));
        var unknown = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId + "-X" }, As(Officials.FrCustoms));

        Assert.Equal(DocumentAvailability.NotAvailable, forFrance.Availability);
        Assert.Equal("held as a draft by the issuer; not yet registered on the ledger", forFrance.NotAvailableReason);
        Assert.Equal(VerificationReason.Unknown, forFrance.Verification.Reason);
        Assert.Equal(PeerUrl, forFrance.IssuerGatewayUrl);
        Assert.True(forFrance.Document.IsEmpty);
        Assert.Equal(DocumentAvailability.NotAvailable, unknown.Availability);
        Assert.Equal(DocumentsServeHandler.NothingToServe, unknown.NotAvailableReason);
    }

    [Fact]
    public async Task A_caller_not_entitled_gets_the_same_answer_whether_a_draft_exists_a_permit_does_or_nothing_does_and_the_reason_is_audited()
    {
        var draftId = "CH/2026/DRAFT-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await _store!.PutAsync(new DocumentToStore(PermitId.Parse(draftId), "application/xml", DraftDocument(draftId), DateTimeOffset.UtcNow.AddYears(1), AsDraft: true));
        using var norway = TestGatewayCertificates.SelfSigned("CN=gateway-no");
        await PeerTestSupport.PublishAsync(network, Officials.NoIssuer, Officials.NoCustoms, PeerUrl, CertificateFingerprint.Of(norway));
        var client = PeerTestSupport.PeerClient(PeerUrl, norway);
        var asNorway = network.AccountOf(Officials.NoCustoms).ToChecksumHex();

        var registered = await RegisterAsync(Officials.ChIssuer, Permits.ExportDraft(Permits.NewId()));
        await KeepAsync(registered, registered.Document.Memory, asDraft: false);

        var draft = await client.GetPermitDocumentAsync(new GetPermitDocumentRequest { PermitId = draftId, CallingAuthority = asNorway });
        var nothing = await client.GetPermitDocumentAsync(new GetPermitDocumentRequest { PermitId = draftId + "-X", CallingAuthority = asNorway });
        var notForNorway = await client.GetPermitDocumentAsync(new GetPermitDocumentRequest { PermitId = registered.PermitId, CallingAuthority = asNorway });

        Assert.Equal(nothing, draft);
        Assert.Equal(nothing, notForNorway);
        Assert.Equal(DocumentAvailability.NotAvailable, draft.Availability);
        Assert.Equal(DocumentsServeHandler.NothingToServe, draft.NotAvailableReason);
        Assert.DoesNotContain("FR", draft.NotAvailableReason, StringComparison.Ordinal);
        var audited = Assert.Single(_gateway!.Logs.Entries, e => e.Category == AuditLog.Category && e.Message.Contains($"GetPermitDocument {draftId}:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, audited.Level);
        Assert.Contains("refused, answered as nothing to serve: held as a draft; the document of " + draftId
            + " is served only to authorities of CH (issuing) and FR (destination); the caller's authority is of NO", audited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permit_registered_by_another_gateways_issuer_is_not_served_even_with_its_anchored_bytes_kept_here()
    {
        var permit = Permits.ExportDraft(Permits.NewId("FR"));
        permit.DestinationCountry = "CH";
        await RegisterAsync(Officials.FrIssuer, permit);
        await KeepAsync(permit, permit.Document.Memory, asDraft: false);

        var answer = await AskAsFranceAsync(permit.PermitId);

        AssertNothingServed(answer, permit.PermitId, $"registered on chain by {network.AccountOf(Officials.FrIssuer).ToChecksumHex()}, which is not an account of this gateway");
    }

    [Fact]
    public async Task A_copy_held_as_a_draft_is_never_served_even_to_the_destination_once_its_number_is_registered()
    {
        var permit = Permits.ExportDraft(Permits.NewId());
        await KeepAsync(permit, permit.Document.Memory, asDraft: true);
        await RegisterAsync(Officials.ChIssuer, permit);

        var answer = await AskAsFranceAsync(permit.PermitId);

        AssertNothingServed(answer, permit.PermitId, "the copy kept here is a draft, never sent for registration");
    }

    [Fact]
    public async Task A_copy_whose_hash_is_not_the_anchored_one_is_not_served()
    {
        var permit = await RegisterAsync(Officials.ChIssuer, Permits.ExportDraft(Permits.NewId()));
        var other = System.Security.Cryptography.RandomNumberGenerator.GetBytes(256);
        await KeepAsync(permit, other, asDraft: false);

        var answer = await AskAsFranceAsync(permit.PermitId);

        AssertNothingServed(answer, permit.PermitId,
            $"the copy kept here hashes to {DocumentHash.Compute(other)}, the ledger anchors {DocumentHash.Compute(permit.Document.Span)}");
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
        Assert.Equal(PeerLinkException.OfficerAnswer.Message, down.Status.Detail);
    }

    [Fact]
    public async Task A_host_not_allowed_an_unreachable_gateway_and_another_certificate_get_one_same_answer_and_the_audit_tells_them_apart()
    {
        var permitId = Permits.NewId("NO");
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.NoIssuer));
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);
        var real = _gateway.Services.GetRequiredService<PeerCertificate>().Fingerprint;
        var other = new Bytes32(System.Security.Cryptography.SHA256.HashData("not this gateway's certificate"u8));
        // A private address (Devnet mode allows only loopback), a loopback port nobody listens on, and this
        // very gateway's peer endpoint published with a fingerprint that is not its certificate's.
        (string Url, Bytes32 Fingerprint, PeerLinkFailure Cause, string Detail)[] cases =
        [
            ("https://10.255.255.1:7444", other, PeerLinkFailure.HostRefused, "10.255.255.1 is a private address, not in Peers:AllowedGatewayHosts"),
            ($"https://127.0.0.1:{FreePort.Next()}", other, PeerLinkFailure.Unreachable, "Unavailable: "),
            (PeerUrl, other, PeerLinkFailure.UntrustedCertificate,
                $"presented certificate {CertificateFingerprint.Text(real)}, the directory says {CertificateFingerprint.Text(other)}; not trusted"),
        ];

        var answers = new List<RpcException>();
        foreach (var (url, fingerprint, _, _) in cases)
        {
            await PeerTestSupport.PublishAsync(network, Officials.NoIssuer, Officials.NoIssuer, url, fingerprint);
            answers.Add(await Assert.ThrowsAsync<RpcException>(async () =>
                await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId }, As(Officials.FrCustoms))));
        }

        Assert.All(answers, answer =>
        {
            Assert.Equal(StatusCode.Unavailable, answer.StatusCode);
            Assert.Equal(PeerLinkException.OfficerAnswer.Message, answer.Status.Detail);
            Assert.Equal(Trailers(answers[0]), Trailers(answer));
        });
        var audited = _gateway.Logs.Entries.Where(e => e.Category == AuditLog.Category
            && e.Message.Contains($"FetchPermitDocument {PermitId.Parse(permitId).Normalised}: no answer from the issuer's gateway", StringComparison.Ordinal)).ToList();
        Assert.Equal(cases.Length, audited.Count);
        foreach (var ((url, _, cause, detail), line) in cases.Zip(audited))
        {
            Assert.Equal(LogLevel.Warning, line.Level);
            Assert.Contains($"the issuer's gateway {url}: {cause}: {detail}", line.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_document_over_the_receiving_gateways_bound_is_refused_unread_and_one_within_it_served()
    {
        var small = Permits.ExportDraft(Permits.NewId());
        var large = Permits.ExportDraft(Permits.NewId());
        large.Document = Google.Protobuf.ByteString.CopyFrom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(128 * 1024));
        foreach (var draft in new[] { small, large })
        {
            await RegisterAsync(Officials.ChIssuer, draft);
            await KeepAsync(draft, draft.Document.Memory, asDraft: false);
        }
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));
        var documents = new DocumentService.DocumentServiceClient(channel);

        var served = await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = small.PermitId }, As(Officials.FrCustoms));
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = large.PermitId }, As(Officials.FrCustoms)));

        Assert.True(served.MatchesLedger);
        Assert.Equal(small.Document, served.Document);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal($"the issuer's gateway at {PeerUrl} answered more than {MaxDocumentBytes} bytes of document; refused unread", refused.Status.Detail);
    }

    [Fact]
    public async Task A_number_of_another_country_that_our_issuer_registered_straight_to_the_contract_is_neither_fetched_nor_served()
    {
        // CH's issuer (this gateway's account) squats a French number; its gateway would have refused it.
        var id = PermitId.Parse(Permits.NewId("FR"));
        var content = DraftDocument(id.Normalised);
        var swiss = await Ledger.Contracts.Ethereum.TransactionSender.CreateAsync(network.Devnet.Client,
            network.Devnet.Accounts[Officials.All[Officials.ChIssuer].Account].Key(),
            new Ledger.Contracts.Ethereum.TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await new Ledger.Contracts.Permits.PermitRegistryContract(network.PermitRegistry, network.Devnet.Client, swiss).RegisterAsync(
            new Ledger.Contracts.Permits.PermitInput(id.Key.Value, DocumentHash.Compute(content).Value, Ledger.Contracts.PermitType.CitesExport,
                now - 3600, now + 86400, Ledger.Contracts.CountryBytes.FromCode("CH"), 1, Bytes32.Zero, Bytes32.Zero, [(UInt128)10]));
        await _store!.PutAsync(new DocumentToStore(id, "application/xml", content, DateTimeOffset.UtcNow.AddYears(1), AsDraft: false));
        using var channel = GrpcChannel.ForAddress(PeerTestSupport.OfficersUrl(_gateway!.Services));

        var fetched = await new DocumentService.DocumentServiceClient(channel).FetchPermitDocumentAsync(
            new FetchPermitDocumentRequest { PermitId = id.Normalised }, As(Officials.FrCustoms));
        var served = await AskAsFranceAsync(id.Normalised);

        Assert.Equal(DocumentAvailability.NotAvailable, fetched.Availability);
        Assert.Equal(VerificationReason.IssuerNotOfPermitCountry, fetched.Verification.Reason);
        Assert.Contains("not a genuine permit", fetched.NotAvailableReason, StringComparison.Ordinal);
        Assert.True(fetched.Document.IsEmpty);
        AssertNothingServed(served, id.Normalised, $"registered by an authority of CH under a number of FR: not a genuine permit");
    }

    /// <summary>Every header and trailer of an error answer as sent, names and bytes, but the server's clock (<c>date</c>).</summary>
    private static string[] Trailers(RpcException answer) =>
        [.. answer.Trailers.Where(t => t.Key != "date").Select(t => t.Key + "=" + (t.IsBinary ? Convert.ToBase64String(t.ValueBytes) : t.Value))];

    private async Task<PermitDraft> RegisterAsync(string issuer, PermitDraft permit)
    {
        await network.Permits.RegisterPermitAsync(Permits.Register(permit), As(issuer));
        return permit;
    }

    /// <summary>Puts <paramref name="content"/> in this gateway's store as <paramref name="permit"/>'s document.</summary>
    private Task KeepAsync(PermitDraft permit, ReadOnlyMemory<byte> content, bool asDraft) =>
        _store!.PutAsync(new DocumentToStore(PermitId.Parse(permit.PermitId), "application/octet-stream", content, permit.ValidUntil.ToDateTimeOffset(), AsDraft: asDraft));

    /// <summary>Asks this gateway's peer endpoint directly, as FR's customs (entitled: the permits here are FR's or go to FR).</summary>
    private async Task<GetPermitDocumentResponse> AskAsFranceAsync(string permitId) =>
        await PeerTestSupport.PeerClient(PeerUrl, _certificate).GetPermitDocumentAsync(new GetPermitDocumentRequest
        {
            PermitId = permitId,
            CallingAuthority = network.AccountOf(Officials.FrCustoms).ToChecksumHex(),
        });

    /// <summary>The one answer for nothing served, and the audit line giving the real <paramref name="reason"/>.</summary>
    private void AssertNothingServed(GetPermitDocumentResponse answer, string permitId, string reason)
    {
        Assert.Equal(DocumentAvailability.NotAvailable, answer.Availability);
        Assert.Equal(DocumentsServeHandler.NothingToServe, answer.NotAvailableReason);
        Assert.True(answer.Document.IsEmpty);
        var audited = Assert.Single(_gateway!.Logs.Entries, e => e.Category == AuditLog.Category
            && e.Message.Contains($"GetPermitDocument {PermitId.Parse(permitId).Normalised}:", StringComparison.Ordinal));
        Assert.EndsWith("not available: answered as nothing to serve: " + reason, audited.Message, StringComparison.Ordinal);
    }

    /// <summary>The sample CITES export permit (CH to FR), renumbered.</summary>
    private static byte[] DraftDocument(string permitId) =>
        System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml"))
            .Replace("CH/2026/000123", permitId, StringComparison.Ordinal));
}
