using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using PermitId = Ledger.Core.Permits.PermitId;
using PermitKey = Ledger.Core.Permits.PermitKey;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Stores.Documents;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The issuer's gateway keeps the document it registers, fills a permit's fields from a CITES
/// or ePhyto document, refuses fields that disagree with it, and holds drafts. What the
/// ledger anchors is read back through VerifyPermit (the chain), what the gateway kept
/// through its document store.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class DocumentRegistrationTests(LedgerNetworkFixture network)
{
    private IDocumentStore Store => network.Gateway.Services.GetRequiredService<IDocumentStore>();

    private static PermitKey Key(string permitId) => PermitId.Parse(permitId).Key;

    private Task<VerifyPermitResponse> VerifyAsync(string permitId) =>
        network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms)).ResponseAsync;

    private static RegisterPermitRequest FromDocument(ByteString document) =>
        new() { RequestId = Permits.NewRequestId(), Permit = new PermitDraft { Document = document } };

    [Fact]
    public async Task A_cites_document_alone_registers_the_permit_it_describes_and_the_gateway_keeps_its_bytes()
    {
        var id = Permits.NewId();
        var start = SampleDocuments.TodayUtc;
        var document = SampleDocuments.CitesExport(id, start);

        var response = await network.Permits.RegisterPermitAsync(FromDocument(document), As(Officials.ChIssuer));

        Assert.Equal(id, response.Permit.PermitId);
        var verified = await VerifyAsync(id);
        Assert.Equal(VerificationStatus.Valid, verified.Status);
        Assert.Equal(PermitType.CitesExport, verified.Type);
        Assert.Equal("FR", verified.DestinationCountry);
        Assert.Equal(["40", "250"], verified.Lines.Select(l => l.Authorised));
        Assert.Equal(1u, verified.MaxShipments);
        var from = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(Timestamp.FromDateTimeOffset(from), verified.ValidFrom);
        // The end date is inclusive on paper: valid until the start of the next day.
        Assert.Equal(Timestamp.FromDateTimeOffset(from.AddDays(60)), verified.ValidUntil);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document.Span)), verified.DocumentHash[2..]);

        var kept = await Store.GetAsync(Key(id));
        Assert.NotNull(kept);
        Assert.Equal(document.ToByteArray(), kept.Content.ToArray());
        Assert.False(kept.Metadata.IsDraft);
        Assert.Equal("application/xml", kept.Metadata.MediaType);
        Assert.Equal(from.AddDays(60).AddYears(5), kept.Metadata.RetainUntil);
    }

    [Fact]
    public async Task An_ephyto_document_with_only_its_end_of_validity_registers_with_the_documents_fields()
    {
        var id = Permits.NewId("FR");
        var issued = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds());
        var until = issued.AddDays(14);
        var request = FromDocument(SampleDocuments.EPhyto(id, issued));
        request.Permit.ValidUntil = Timestamp.FromDateTimeOffset(until);

        var response = await network.Permits.RegisterPermitAsync(request, As(Officials.FrIssuer));

        Assert.Equal(id, response.Permit.PermitId);
        var verified = await VerifyAsync(id);
        Assert.Equal(VerificationStatus.Valid, verified.Status);
        Assert.Equal(PermitType.Ephyto, verified.Type);
        Assert.Equal("CH", verified.DestinationCountry);
        Assert.Equal(["1250", "36"], verified.Lines.Select(l => l.Authorised));
        Assert.Equal(Timestamp.FromDateTimeOffset(issued), verified.ValidFrom);
        Assert.Equal(Timestamp.FromDateTimeOffset(until), verified.ValidUntil);
        Assert.NotNull(await Store.FindByPermitAsync(Key(id)));
    }

    [Fact]
    public async Task An_ephyto_without_an_end_of_validity_is_refused_naming_valid_until()
    {
        var id = Permits.NewId("FR");
        var request = FromDocument(SampleDocuments.EPhyto(id, DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())));

        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(request, As(Officials.FrIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("permit.valid_until", error.Status.Detail);
        Assert.Contains("ISPM 12", error.Status.Detail);
    }

    [Fact]
    public async Task Fields_that_disagree_with_the_document_are_refused_each_named_and_nothing_is_kept_or_sent()
    {
        var id = Permits.NewId();
        var request = FromDocument(SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc));
        request.Permit.PermitId = id;
        request.Permit.DestinationCountry = "NO";
        request.Permit.Lines.AddRange(Permits.Lines("41", "250"));
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);

        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("permit.destination_country: is NO but the document says FR", error.Status.Detail);
        Assert.Contains("permit.lines[0]: line 1 is 41 but the document says 40 NAR of Alligator mississippiensis", error.Status.Detail);
        Assert.DoesNotContain("permit.permit_id", error.Status.Detail);
        Assert.DoesNotContain("lines[1]", error.Status.Detail);
        Assert.Null(await Store.FindByPermitAsync(Key(id)));
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
        Assert.Equal(VerificationReason.Unknown, (await VerifyAsync(id)).Reason);
    }

    [Fact]
    public async Task Fields_that_agree_with_the_document_register_as_given()
    {
        var id = Permits.NewId();
        var request = FromDocument(SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc));
        request.Permit.PermitId = id.ToLowerInvariant();
        request.Permit.Type = PermitType.CitesExport;
        request.Permit.DestinationCountry = "fr";
        request.Permit.Lines.AddRange(Permits.Lines("40", "250"));

        var response = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));

        Assert.Equal(id, response.Permit.PermitId);
        Assert.Equal(VerificationStatus.Valid, (await VerifyAsync(id)).Status);
    }

    [Fact]
    public async Task A_document_kept_with_other_bytes_refuses_the_registration_before_anything_is_sent()
    {
        // As after an earlier registration whose document was kept but whose transaction never landed.
        var id = Permits.NewId();
        var kept = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc);
        await Store.PutAsync(new DocumentToStore(PermitId.Parse(id), "application/xml", kept.Memory, DateTimeOffset.UtcNow.AddDays(60)));
        var other = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc.AddDays(1));
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);

        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(FromDocument(other), As(Officials.ChIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains($"permit {id} already has a document", error.Status.Detail);
        Assert.Contains("Nothing was sent", error.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
        Assert.Equal(VerificationReason.Unknown, (await VerifyAsync(id)).Reason);
        Assert.Equal(kept.ToByteArray(), (await Store.GetAsync(Key(id)))!.Content.ToArray());
    }

    [Fact]
    public async Task A_permit_the_ledger_anchors_with_another_document_keeps_nothing_and_sends_nothing()
    {
        // Registered through a gateway that keeps no documents (as before the store was on).
        var id = Permits.NewId();
        var settings = new Dictionary<string, string?>(network.Settings) { ["Documents:Provider"] = "None" };
        await using (var hashOnly = await Ledger.Gateway.Tests.Support.GatewayHost.StartAsync(settings))
        {
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(hashOnly.Address);
            await new PermitService.PermitServiceClient(channel).RegisterPermitAsync(Permits.Register(Permits.ExportDraft(id, 40, 250)), As(Officials.ChIssuer));
        }
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);

        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(
            FromDocument(SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc)), As(Officials.ChIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains($"permit {id} is already registered on the ledger with a document of SHA-256", error.Status.Detail);
        Assert.Null(await Store.FindByPermitAsync(Key(id)));
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
    }

    [Fact]
    public async Task A_document_kept_by_an_interrupted_attempt_does_not_stop_the_retry_and_a_retry_after_success_replays()
    {
        var id = Permits.NewId();
        var document = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc);
        await Store.PutAsync(new DocumentToStore(PermitId.Parse(id), "application/xml", document.Memory, DateTimeOffset.UtcNow.AddDays(60)));
        var request = FromDocument(document);

        var first = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));
        var again = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));

        Assert.False(first.Receipt.Replayed);
        Assert.True(again.Receipt.Replayed);
        Assert.Equal(first.Receipt.TxHash, again.Receipt.TxHash);
        Assert.Equal(VerificationStatus.Valid, (await VerifyAsync(id)).Status);
    }

    [Fact]
    public async Task A_document_the_gateway_does_not_read_needs_every_field_and_is_then_kept_as_given()
    {
        var id = Permits.NewId();
        var json = ByteString.CopyFrom(Encoding.UTF8.GetBytes($$"""{"permit": "{{id}}", "species": "Alligator mississippiensis"}"""));

        var alone = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(FromDocument(json), As(Officials.ChIssuer)).ResponseAsync);
        var draft = Permits.ExportDraft(id);
        draft.Document = json;
        await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));

        Assert.Equal(StatusCode.InvalidArgument, alone.StatusCode);
        Assert.Contains("permit.document", alone.Status.Detail);
        Assert.Contains("give permit_id, type", alone.Status.Detail);
        var kept = await Store.GetAsync(Key(id));
        Assert.Equal(json.ToByteArray(), kept!.Content.ToArray());
        Assert.Equal("application/json", kept.Metadata.MediaType);
    }

    [Fact]
    public async Task A_batch_and_a_replacement_keep_every_registered_document()
    {
        var ids = new[] { Permits.NewId(), Permits.NewId() };
        var batch = new RegisterPermitBatchRequest { RequestId = Permits.NewRequestId() };
        batch.Permits.AddRange(ids.Select(id => new PermitDraft { Document = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc) }));
        await network.Permits.RegisterPermitBatchAsync(batch, As(Officials.ChIssuer));
        var replacementId = Permits.NewId();
        var replacementDocument = SampleDocuments.CitesExport(replacementId, SampleDocuments.TodayUtc);

        await network.Permits.ReplacePermitAsync(new ReplacePermitRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = ids[0], Replacement = new PermitDraft { Document = replacementDocument },
        }, As(Officials.ChIssuer));

        var kept = await Store.ListByPermitsAsync([Key(ids[0]), Key(ids[1]), Key(replacementId)]);
        Assert.Equal(3, kept.Count);
        Assert.All(kept, metadata => Assert.False(metadata.IsDraft));
        Assert.Equal(replacementDocument.ToByteArray(), (await Store.GetAsync(Key(replacementId)))!.Content.ToArray());
        Assert.Equal(VerificationReason.Replaced, (await VerifyAsync(ids[0])).Reason);
    }

    [Fact]
    public async Task A_draft_is_held_without_touching_the_ledger_corrected_then_promoted_by_registering_it()
    {
        var id = Permits.NewId();
        var first = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc);
        var corrected = SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc.AddDays(1));
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);

        var held = await network.Permits.HoldPermitDraftAsync(Hold(first), As(Officials.ChIssuer));
        var heldAgain = await network.Permits.HoldPermitDraftAsync(Hold(corrected), As(Officials.ChIssuer));
        var asDraft = await Store.FindByPermitAsync(Key(id));
        var onLedger = await VerifyAsync(id);
        var nonceAfterDrafts = await network.NonceOfAsync(Officials.ChIssuer);
        await network.Permits.RegisterPermitAsync(FromDocument(corrected), As(Officials.ChIssuer));
        var afterwards = await Store.FindByPermitAsync(Key(id));
        var tooLate = await Assert.ThrowsAsync<RpcException>(() => network.Permits.HoldPermitDraftAsync(Hold(corrected), As(Officials.ChIssuer)).ResponseAsync);

        Assert.True(held.HeldAsDraft);
        Assert.Equal(id, held.Permit.PermitId);
        Assert.True(heldAgain.HeldAsDraft);
        Assert.Equal(DocumentHash.Compute(corrected.Span), asDraft!.DocumentHash);
        Assert.True(asDraft.IsDraft);
        Assert.Equal(VerificationReason.Unknown, onLedger.Reason);
        Assert.Equal(nonce, nonceAfterDrafts);
        Assert.False(afterwards!.IsDraft);
        Assert.Equal(asDraft.DocumentHash, afterwards.DocumentHash);
        Assert.Equal(StatusCode.FailedPrecondition, tooLate.StatusCode);
        Assert.Contains("already registered", tooLate.Status.Detail);
    }

    [Fact]
    public async Task Only_an_issuer_of_the_permits_country_may_hold_its_draft()
    {
        var id = Permits.NewId();
        var request = Hold(SampleDocuments.CitesExport(id, SampleDocuments.TodayUtc));

        var customs = await Assert.ThrowsAsync<RpcException>(() => network.Permits.HoldPermitDraftAsync(request, As(Officials.ChCustoms)).ResponseAsync);
        var otherCountry = await Assert.ThrowsAsync<RpcException>(() => network.Permits.HoldPermitDraftAsync(request, As(Officials.FrIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, customs.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherCountry.StatusCode);
        Assert.Null(await Store.FindByPermitAsync(Key(id)));
    }

    private static HoldPermitDraftRequest Hold(ByteString document) =>
        new() { RequestId = Permits.NewRequestId(), Permit = new PermitDraft { Document = document } };
}
