using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Writes by the wrong authority or role are refused with PERMISSION_DENIED before anything is sent.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class AuthorisationTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Customs_of_a_third_country_cannot_record_or_confirm()
    {
        var permitId = await RegisterAsync();
        await AssertDeniedAsync(Officials.NoCustoms, "only customs of CH", () => network.Permits.RecordShipmentAsync(
            Shipment(permitId), As(Officials.NoCustoms)).ResponseAsync);
        await AssertDeniedAsync(Officials.NoCustoms, "only customs of FR", () => network.Permits.ConfirmArrivalAsync(
            new ConfirmArrivalRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = "AWB-1", Quantities = { Permits.Lines("1", "0") } },
            As(Officials.NoCustoms)).ResponseAsync);
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task An_issuer_of_another_country_cannot_cancel()
    {
        var permitId = await RegisterAsync();
        await AssertDeniedAsync(Officials.FrIssuer, "only an issuing authority of CH", () => network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud },
            As(Officials.FrIssuer)).ResponseAsync);
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task Customs_cannot_cancel_or_register()
    {
        var permitId = await RegisterAsync();
        await AssertDeniedAsync(Officials.ChCustoms, "IssuingOfficer", () => network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud },
            As(Officials.ChCustoms)).ResponseAsync);
        await AssertDeniedAsync(Officials.ChCustoms, "IssuingOfficer", () => network.Permits.RegisterPermitAsync(
            Permits.Register(Permits.ExportDraft(Permits.NewId())), As(Officials.ChCustoms)).ResponseAsync);
    }

    [Fact]
    public async Task A_read_only_client_cannot_write_but_can_verify()
    {
        var permitId = await RegisterAsync();
        await AssertDeniedAsync(Officials.Observer, "ReadOnly", () => network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Withdrawn },
            As(Officials.Observer)).ResponseAsync);
        await AssertDeniedAsync(Officials.Observer, "ReadOnly", () => network.Permits.RegisterPermitAsync(
            Permits.Register(Permits.ExportDraft(Permits.NewId())), As(Officials.Observer)).ResponseAsync);
        await AssertDeniedAsync(Officials.Observer, "ReadOnly", () => network.Permits.RecordShipmentAsync(
            Shipment(permitId), As(Officials.Observer)).ResponseAsync);
        var verified = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.Observer));
        Assert.Equal(VerificationStatus.Valid, verified.Status);
        Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(permitId));
    }

    [Fact]
    public async Task An_unnamed_caller_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = Permits.NewId() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private async Task<string> RegisterAsync()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        return permitId;
    }

    private static RecordShipmentRequest Shipment(string permitId) => new()
    {
        RequestId = Permits.NewRequestId(),
        PermitId = permitId,
        ShipmentReference = "AWB-1",
        Quantities = { Permits.Lines("1", "0") },
    };

    private async Task AssertDeniedAsync(string official, string expectedText, Func<Task> call)
    {
        var nonce = await network.NonceOfAsync(official);
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == StatusCode.PermissionDenied, error.Status.ToString());
        Assert.Contains(expectedText, error.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(official));
    }
}
