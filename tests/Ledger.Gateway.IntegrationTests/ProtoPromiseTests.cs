using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Where permits.proto promises a status code or a refusal, the gateway keeps the promise.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ProtoPromiseTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Cancel_refuses_the_reason_replaced_and_points_to_replace_permit()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);
        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Replaced },
            As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("reason", error.Status.Detail);
        Assert.Contains("ReplacePermit", error.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(permitId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(500_000_000)]
    public async Task A_timestamp_with_a_fraction_of_a_second_is_refused(int nanos)
    {
        var draft = Permits.ExportDraft(Permits.NewId());
        draft.ValidFrom = new Timestamp { Seconds = draft.ValidFrom.Seconds, Nanos = nanos };
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);
        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("permit.valid_from", error.Status.Detail);
        Assert.Contains("whole seconds", error.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
    }

    [Fact]
    public async Task Concurrent_calls_with_one_request_id_answer_aborted_while_the_first_runs()
    {
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        var calls = Enumerable.Range(0, 6)
            .Select(_ => Task.Run(async () =>
            {
                try
                {
                    await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));
                    return StatusCode.OK;
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            }))
            .ToList();
        var codes = await Task.WhenAll(calls);
        Assert.Contains(StatusCode.OK, codes);
        Assert.Contains(StatusCode.Aborted, codes);
        Assert.All(codes, code => Assert.True(code is StatusCode.OK or StatusCode.Aborted, string.Join(", ", codes)));
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(request.Permit.PermitId));
    }

    [Fact]
    public async Task Acting_for_another_country_is_permission_denied_for_every_write()
    {
        var swiss = Permits.NewId("CH");
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(swiss)), As(Officials.ChIssuer));
        var nonce = await network.NonceOfAsync(Officials.FrIssuer);

        var register = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(
            Permits.Register(Permits.ExportDraft(Permits.NewId("CH"))), As(Officials.FrIssuer)).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitBatchAsync(
            new RegisterPermitBatchRequest { RequestId = Permits.NewRequestId(), Permits = { Permits.ExportDraft(Permits.NewId("CH")) } }, As(Officials.FrIssuer)).ResponseAsync);
        var cancel = await Assert.ThrowsAsync<RpcException>(() => network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = swiss, Reason = CancelReason.Fraud }, As(Officials.FrIssuer)).ResponseAsync);
        var replacementId = Permits.NewId("CH");
        var replacement = Permits.ExportDraft(replacementId);
        replacement.DestinationCountry = "NO";
        var replace = await Assert.ThrowsAsync<RpcException>(() => network.Permits.ReplacePermitAsync(
            new ReplacePermitRequest { RequestId = Permits.NewRequestId(), PermitId = swiss, Replacement = replacement }, As(Officials.FrIssuer)).ResponseAsync);

        foreach (var error in new[] { register, batch, cancel, replace })
        {
            Assert.True(error.StatusCode == StatusCode.PermissionDenied, error.Status.ToString());
            Assert.Contains("CH", error.Status.Detail);
        }
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.FrIssuer));
    }
}
