using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Replacement and batch registration.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ReplaceAndBatchTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task A_replaced_permit_points_to_its_replacement()
    {
        var oldId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(oldId)), As(Officials.ChIssuer));
        var newId = Permits.NewId();
        var replaced = await network.Permits.ReplacePermitAsync(new ReplacePermitRequest
        {
            RequestId = Permits.NewRequestId(), PermitId = oldId, Replacement = Permits.ExportDraft(newId),
        }, As(Officials.ChIssuer));
        Assert.Equal(newId, replaced.Replacement.PermitId);

        var old = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = oldId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Cancelled, old.Status);
        Assert.Equal(VerificationReason.Replaced, old.Reason);
        Assert.Equal(replaced.Replacement.PermitKey, old.ReplacementPermitKey);
        var current = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = newId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, current.Status);
        Assert.Equal(["PermitRegistered", "PermitReplaced"], await _chain.EventsAsync(oldId));
    }

    [Fact]
    public async Task A_batch_registers_all_its_permits_in_one_transaction()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Permits.NewId()).ToList();
        var request = new RegisterPermitBatchRequest { RequestId = Permits.NewRequestId() };
        request.Permits.AddRange(ids.Select(id => Permits.ExportDraft(id)));
        var response = await network.Permits.RegisterPermitBatchAsync(request, As(Officials.ChIssuer));
        Assert.Equal(ids, response.Permits.Select(p => p.PermitId));
        foreach (var id in ids)
            Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(id));

        var fresh = Permits.NewId();
        var clash = new RegisterPermitBatchRequest { RequestId = Permits.NewRequestId() };
        clash.Permits.Add(Permits.ExportDraft(fresh));
        clash.Permits.Add(Permits.ExportDraft(ids[1]));
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => network.Permits.RegisterPermitBatchAsync(clash, As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains(ids[1], error.Status.Detail);
        Assert.Empty(await _chain.EventsAsync(fresh));
    }
}
