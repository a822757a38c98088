using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Devnet.Chain;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Stores.Documents;
using Ledger.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// Issue 11's document exchange on the devnet topology: a customs officer asks its own
/// gateway for a permit's document; that gateway finds the issuer's gateway in the on-chain
/// directory, calls its peer endpoint over mutual TLS with both certificates pinned to the
/// directory, and checks what comes back against the anchored hash.
/// </summary>
[Collection(DevnetCollection.Name)]
public class DocumentExchangeTests(DevnetFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>The issuer's answer for every document it does not serve, whatever the reason.</summary>
    private const string NothingToServe = "the issuer's gateway has no document of this permit to serve to your authority";

    [Fact]
    public async Task CH_registers_from_a_CITES_XML_alone_and_FR_customs_fetch_it_through_FRs_gateway_with_the_same_bytes_and_CH_audits_it()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterFromCitesXmlAloneAsync(timeout.Token);

        var answer = await FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token);

        Assert.Equal(DocumentAvailability.Available, answer.Availability);
        Assert.Equal(permit.Document, answer.Document);
        Assert.True(answer.MatchesLedger);
        Assert.Equal(answer.AnchoredHash, answer.ReceivedHash);
        Assert.Equal(DocumentHash.Compute(permit.Document.Span).ToString(), answer.AnchoredHash);
        Assert.Equal(VerificationStatus.Valid, answer.Verification.Status);
        Assert.Equal(fixture.Devnet.PeerEndpoints["ch"].GetLeftPart(UriPartial.Authority), answer.IssuerGatewayUrl);
        Assert.Equal("application/xml", answer.MediaType);
        var frCustoms = fixture.Authority("fr").Accounts.Single(a => a.Identity == fixture.Authority("fr").CustomsIdentity).Address;
        var served = Assert.Single(Audit("ch"), line => line.Message.Contains($"GetPermitDocument {permit.PermitId}: served", StringComparison.Ordinal));
        Assert.Contains(frCustoms, served.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.AnchoredHash, served.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KE_customs_neither_issuing_nor_destination_get_the_answer_for_nothing_and_CH_audits_the_refusal()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);

        var answer = await FetchAsync("ke", fixture.Authority("ke").CustomsIdentity!, permit.PermitId, timeout.Token);

        Assert.Equal(DocumentAvailability.NotAvailable, answer.Availability);
        Assert.Equal(NothingToServe, answer.NotAvailableReason);
        Assert.True(answer.Document.IsEmpty);
        var line = Assert.Single(Audit("ch"), l => l.Message.Contains($"GetPermitDocument {permit.PermitId}: refused, answered as nothing to serve", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("served only to authorities of CH (issuing) and FR (destination)", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_altered_and_resealed_in_the_issuers_store_is_withheld_by_the_issuer_and_audited_there()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);
        var altered = Altered(permit);
        await ReplaceAsAnInsiderAsync("ch", permit.PermitId, altered);

        var answer = await FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token);

        Assert.Equal(DocumentAvailability.NotAvailable, answer.Availability);
        Assert.Equal(NothingToServe, answer.NotAvailableReason);
        Assert.True(answer.Document.IsEmpty);
        Assert.Single(Audit("ch"), l => l.Message.Contains(
            $"GetPermitDocument {permit.PermitId}: not available: answered as nothing to serve: the copy kept here hashes to {DocumentHash.Compute(altered)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_from_a_rogue_issuer_gateway_is_reported_as_a_mismatch_audited_at_the_caller()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);
        var altered = Altered(permit);

        FetchPermitDocumentResponse? fetched = null;
        await WithRogueGatewayAsync("ch", altered, async () => fetched = await FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token), timeout.Token);
        var answer = fetched!;

        Assert.Equal(DocumentAvailability.Available, answer.Availability);
        Assert.False(answer.MatchesLedger);
        Assert.Equal(altered, answer.Document.ToByteArray());
        Assert.Equal(DocumentHash.Compute(altered).ToString(), answer.ReceivedHash);
        Assert.Equal(DocumentHash.Compute(permit.Document.Span).ToString(), answer.AnchoredHash);
        var line = Assert.Single(Audit("fr"), l => l.Message.Contains($"FetchPermitDocument {permit.PermitId}: DOCUMENT DOES NOT MATCH THE LEDGER", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains(answer.ReceivedHash, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_gateway_whose_certificate_is_not_the_published_fingerprint_is_not_trusted()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterWithDocumentAsync("de", "FR", timeout.Token);
        var devnet = fixture.Devnet;
        var real = devnet.GatewayServices("de").GetRequiredService<PeerCertificate>().Fingerprint;
        var wrong = new Bytes32(SHA256.HashData(Encoding.UTF8.GetBytes("not DE's certificate")));
        await DevnetGatewayDirectory.PublishAsync(devnet.RpcUrl, devnet.Registries.AuthorityRegistry, fixture.Authority("de"),
            devnet.PeerEndpoints["de"], wrong, timeout.Token);
        try
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token));

            // The officer is told only that it could not be reached; FR's audit log says why.
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.Equal(PeerLinkException.OfficerAnswer.Message, refused.Status.Detail);
            var line = Assert.Single(Audit("fr"), l => l.Message.Contains($"FetchPermitDocument {permit.PermitId}: no answer from the issuer's gateway", StringComparison.Ordinal));
            Assert.Contains(
                $"{devnet.PeerEndpoints["de"].GetLeftPart(UriPartial.Authority)}: UntrustedCertificate: presented certificate {CertificateFingerprint.Text(real)}, "
                + $"the directory says {CertificateFingerprint.Text(wrong)}; not trusted",
                line.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Audit("de"), l => l.Message.Contains($"GetPermitDocument {permit.PermitId}", StringComparison.Ordinal));
        }
        finally
        {
            await devnet.PublishGatewayAsync("de", CancellationToken.None);
        }
        var restored = await FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token);
        Assert.True(restored.MatchesLedger);
    }

    [Fact]
    public async Task A_gateway_presenting_a_certificate_its_authority_did_not_publish_is_refused_by_the_issuers_peer_endpoint()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var permit = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);
        var fr = fixture.Authority("fr");
        var frCustoms = fr.Accounts.Single(a => a.Identity == fr.CustomsIdentity).Address;
        using var impostor = TestGatewayCertificates.SelfSigned("CN=not a published gateway");

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await PeerClient(fixture.Devnet.PeerEndpoints["ch"], impostor)
            .GetPermitDocumentAsync(new GetPermitDocumentRequest { PermitId = permit.PermitId, CallingAuthority = frCustoms }, cancellationToken: timeout.Token));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains($"the client certificate {CertificateFingerprint.Text(CertificateFingerprint.Of(impostor))} is not the gateway authority", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Single(Audit("ch"), l => l.Message.Contains($"GetPermitDocument {permit.PermitId}: refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_permit_registered_with_a_future_validity_is_NOT_AVAILABLE_with_its_start()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds());
        var permit = await RegisterWithDocumentAsync("ch", "FR", timeout.Token,
            draft => draft.ValidFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start));

        var answer = await FetchAsync("fr", fixture.Authority("fr").CustomsIdentity!, permit.PermitId, timeout.Token);

        Assert.Equal(DocumentAvailability.NotAvailable, answer.Availability);
        Assert.StartsWith($"valid from {start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", answer.NotAvailableReason, StringComparison.Ordinal);
        Assert.True(answer.Document.IsEmpty);
        Assert.False(answer.MatchesLedger);
        Assert.Equal(VerificationReason.NotYetValid, answer.Verification.Reason);
        Assert.Single(Audit("ch"), l => l.Message.Contains($"GetPermitDocument {permit.PermitId}: not available: valid from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_peer_endpoint_serves_only_the_peer_service_and_the_officers_endpoint_never_serves_it()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var devnet = fixture.Devnet;
        using var certificate = TestGatewayCertificates.SelfSigned("CN=separation test");
        using var peerChannel = TestGatewayCertificates.ChannelPresenting(devnet.PeerEndpoints["ch"].ToString(), certificate);
        using var officers = GatewayClientFactory.Create(new GatewaySettings(devnet.Gateways["ch"]));

        var onPeer = await Assert.ThrowsAsync<RpcException>(async () => await new PermitService.PermitServiceClient(peerChannel)
            .VerifyPermitAsync(new VerifyPermitRequest { PermitId = "CH/2026/000123" }, cancellationToken: timeout.Token));
        var peerOnOfficers = await Assert.ThrowsAsync<RpcException>(async () => await new PeerDocumentService.PeerDocumentServiceClient(
            GrpcChannel.ForAddress(devnet.Gateways["ch"])).GetPermitDocumentAsync(new GetPermitDocumentRequest { PermitId = "CH/2026/000123" }, cancellationToken: timeout.Token));

        Assert.Equal(StatusCode.Unimplemented, onPeer.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, peerOnOfficers.StatusCode);
    }

    [Fact]
    public async Task Ledger_permit_document_writes_a_matching_document_and_refuses_to_write_a_mismatched_one()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var good = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);
        var bad = await RegisterWithDocumentAsync("ch", "FR", timeout.Token);
        var folder = Directory.CreateTempSubdirectory("ledger-document-test-");
        try
        {
            var gateway = fixture.Devnet.Gateways["fr"].ToString();
            var identity = fixture.Authority("fr").CustomsIdentity!;
            var goodFile = Path.Combine(folder.FullName, "good.xml");
            var badFile = Path.Combine(folder.FullName, "bad.xml");

            var (goodCode, goodOutput, _) = await LedgerCommandTests.RunLedgerAsync("--gateway", gateway, "--identity", identity, "permit", "document", good.PermitId, "--out", goodFile);
            (int Code, string Output, string Error) badRun = default, keptRun = default;
            await WithRogueGatewayAsync("ch", Encoding.UTF8.GetBytes("<CITESEPermit forged=\"yes\"/>"), async () =>
            {
                badRun = await LedgerCommandTests.RunLedgerAsync("--gateway", gateway, "--identity", identity, "permit", "document", bad.PermitId, "--out", badFile);
                keptRun = await LedgerCommandTests.RunLedgerAsync("--gateway", gateway, "--identity", identity, "permit", "document", bad.PermitId, "--out", badFile, "--keep-mismatched");
            }, timeout.Token);
            var (badCode, _, badError) = badRun;
            var (keptCode, _, _) = keptRun;

            Assert.Equal(0, goodCode);
            Assert.Equal(good.Document.ToByteArray(), await File.ReadAllBytesAsync(goodFile));
            Assert.Contains("matches the ledger", goodOutput, StringComparison.Ordinal);
            Assert.Equal(Commands.PermitDocumentCommand.Mismatch, badCode);
            Assert.Contains("THE DOCUMENT DOES NOT MATCH THE LEDGER", badError, StringComparison.Ordinal);
            Assert.False(File.Exists(badFile));
            Assert.Equal(Commands.PermitDocumentCommand.Mismatch, keptCode);
            Assert.False(File.Exists(badFile));
            Assert.Equal("<CITESEPermit forged=\"yes\"/>", await File.ReadAllTextAsync(badFile + Commands.PermitDocumentCommand.MismatchedSuffix));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Registers a fresh permit at the issuer's own gateway and keeps its document in the issuer's store.</summary>
    /// <summary>
    /// CH's issuer registers the sample CITES export permit (CH to FR), renumbered and valid from
    /// today, sending only the document: every anchored field comes from the XML.
    /// </summary>
    private async Task<PermitDraft> RegisterFromCitesXmlAloneAsync(CancellationToken ct)
    {
        var permitId = $"CH/2026/{RandomNumberGenerator.GetInt32(100_000, 1_000_000)}";
        var today = DateTime.UtcNow;
        var xml = File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml"))
            .Replace("CH/2026/000123", permitId, StringComparison.Ordinal)
            .Replace("<ram:StartDateTime>2026-03-10<", $"<ram:StartDateTime>{today:yyyy-MM-dd}<", StringComparison.Ordinal)
            .Replace("<ram:EndDateTime>2026-09-09<", $"<ram:EndDateTime>{today.AddDays(30):yyyy-MM-dd}<", StringComparison.Ordinal);
        var draft = new PermitDraft { Document = Google.Protobuf.ByteString.CopyFromUtf8(xml) };
        var issuer = fixture.Authority("ch");
        using var gateway = GatewayClientFactory.Create(new GatewaySettings(fixture.Devnet.Gateways["ch"]));
        await gateway.Permits.RegisterPermitAsync(
            new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = draft }, gateway.Call(ct, issuer.IssuerIdentity));
        draft.PermitId = permitId;
        return draft;
    }

    private async Task<PermitDraft> RegisterWithDocumentAsync(string issuerId, string destination, CancellationToken ct, Action<PermitDraft>? change = null)
    {
        var issuer = fixture.Authority(issuerId);
        var permit = DevnetHostTests.NewPermit(issuer.Country, destination);
        // As the gateways write it in answers and audit lines.
        permit.PermitId = PermitId.Parse(permit.PermitId).Normalised;
        change?.Invoke(permit);
        using var gateway = GatewayClientFactory.Create(new GatewaySettings(fixture.Devnet.Gateways[issuerId]));
        await gateway.Permits.RegisterPermitAsync(
            new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = permit }, gateway.Call(ct, issuer.IssuerIdentity));
        // The issuer's gateway keeps the document as part of the registration.
        return permit;
    }

    private async Task<FetchPermitDocumentResponse> FetchAsync(string gatewayId, string identity, string permitId, CancellationToken ct)
    {
        using var gateway = GatewayClientFactory.Create(new GatewaySettings(fixture.Devnet.Gateways[gatewayId]));
        return await gateway.Documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId }, gateway.Call(ct, identity));
    }

    /// <summary>
    /// What an insider with the database and the store's key could do: replace a permit's row
    /// with other bytes, sealed with the store's own key and recorded with their own hash, so the
    /// store itself serves them as intact. Only the anchored hash can tell.
    /// </summary>
    private async Task ReplaceAsAnInsiderAsync(string issuerId, string permitId, byte[] content)
    {
        var options = fixture.Devnet.GatewayServices(issuerId).GetRequiredService<IOptions<DocumentStoreOptions>>().Value;
        var key = PermitId.Parse(permitId).Key;
        var hash = DocumentHash.Compute(content);
        var sealedDocument = new DocumentSealer(DocumentKeyRing.FromOptions(options)).Seal(key, hash, content);
        await using var connection = new SqliteConnection($"Data Source={options.SqlitePath}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE ledger_documents SET document_hash = $hash, size_bytes = $size, key_id = $keyId, key_check = $check, nonce = $nonce, sealed = $sealed WHERE permit_key = $permit";
        update.Parameters.AddWithValue("$hash", hash.Value.ToArray());
        update.Parameters.AddWithValue("$size", (long)content.Length);
        update.Parameters.AddWithValue("$keyId", sealedDocument.KeyId);
        update.Parameters.AddWithValue("$check", sealedDocument.KeyCheck);
        update.Parameters.AddWithValue("$nonce", sealedDocument.Nonce);
        update.Parameters.AddWithValue("$sealed", sealedDocument.Ciphertext);
        update.Parameters.AddWithValue("$permit", key.Value.ToArray());
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    /// <summary>
    /// Runs <paramref name="act"/> while the directory names, for <paramref name="issuerId"/>'s
    /// accounts, a rogue gateway serving <paramref name="forged"/>; the real entry is published
    /// again after, as the other tests need it.
    /// </summary>
    private async Task WithRogueGatewayAsync(string issuerId, byte[] forged, Func<Task> act, CancellationToken ct)
    {
        var devnet = fixture.Devnet;
        await using var rogue = await RoguePeerGateway.StartAsync(forged);
        await DevnetGatewayDirectory.PublishAsync(devnet.RpcUrl, devnet.Registries.AuthorityRegistry, fixture.Authority(issuerId), rogue.Url, rogue.Fingerprint, ct);
        try
        {
            await act();
        }
        finally
        {
            await devnet.PublishGatewayAsync(issuerId, CancellationToken.None);
        }
    }

    /// <summary>The permit's document with one quantity changed.</summary>
    private static byte[] Altered(PermitDraft permit) =>
        Encoding.UTF8.GetBytes(permit.Document.ToStringUtf8().Replace("/>", " quantity=\"1000\"/>", StringComparison.Ordinal));

    private IReadOnlyList<(LogLevel Level, string Message)> Audit(string authorityId) => fixture.GatewayLogs.Lines(authorityId, AuditLog.Category);

    private static PeerDocumentService.PeerDocumentServiceClient PeerClient(Uri peer, X509Certificate2 clientCertificate) =>
        new(TestGatewayCertificates.ChannelPresenting(peer.ToString(), clientCertificate));
}
