using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Malformed input is refused with INVALID_ARGUMENT naming the field, and nothing is sent.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class BadInputTests(LedgerNetworkFixture network)
{
    public static TheoryData<string, string> BadDrafts => new()
    {
        { "malformed permit ID", "permit_id" },
        { "oversized permit ID", "permit_id" },
        { "oversized document", "document" },
        { "zero quantity", "lines" },
        { "negative quantity", "lines" },
        { "overflowing quantity", "lines" },
        { "too many lines", "lines" },
        { "validity ends before it starts", "valid" },
        { "missing dates", "valid_from" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Registration_with_bad_input_is_refused(string defect, string field)
    {
        var draft = Permits.ExportDraft(Permits.NewId());
        Spoil(draft, defect);
        await AssertInvalidAsync(Officials.ChIssuer, field, () => network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer)).ResponseAsync);
    }

    [Theory]
    [InlineData("", "AWB-1", new[] { "1" }, "permit_id")]
    [InlineData("CH/2026/1", "", new[] { "1" }, "shipment_reference")]
    [InlineData("CH/2026/1", "AWB-1", new string[0], "quantities")]
    [InlineData("CH/2026/1", "AWB-1", new[] { "0", "0" }, "quantities")]
    [InlineData("CH/2026/1", "AWB-1", new[] { "-1" }, "quantities[0]")]
    [InlineData("CH/2026/1", "AWB-1", new[] { "79228162514264337593543950336" }, "quantities[0]")]
    public async Task Shipment_with_bad_input_is_refused(string permitId, string reference, string[] quantities, string field)
    {
        var request = new RecordShipmentRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { Permits.Lines(quantities) } };
        await AssertInvalidAsync(Officials.ChCustoms, field, () => network.Permits.RecordShipmentAsync(request, As(Officials.ChCustoms)).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces in it")]
    public async Task A_bad_request_id_is_refused(string requestId)
    {
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        request.RequestId = requestId;
        await AssertInvalidAsync(Officials.ChIssuer, "request_id", () => network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer)).ResponseAsync);
    }

    [Fact]
    public async Task A_cancellation_needs_a_reason()
    {
        var request = new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = Permits.NewId() };
        await AssertInvalidAsync(Officials.ChIssuer, "reason", () => network.Permits.CancelPermitAsync(request, As(Officials.ChIssuer)).ResponseAsync);
    }

    private static void Spoil(PermitDraft draft, string defect)
    {
        switch (defect)
        {
            case "malformed permit ID": draft.PermitId = "CH/2026/<script>"; break;
            case "oversized permit ID": draft.PermitId = "CH/" + new string('1', 200); break;
            case "oversized document": draft.Document = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]); break;
            case "zero quantity": draft.Lines[0].Amount = "0"; break;
            case "negative quantity": draft.Lines[0].Amount = "-5"; break;
            case "overflowing quantity": draft.Lines[0].Amount = "79228162514264337593543950336"; break; // 2^96
            case "too many lines":
                draft.Lines.Clear();
                draft.Lines.Add(Enumerable.Range(0, 17).Select(_ => new QuantityLine { Amount = "1" }));
                break;
            case "validity ends before it starts": draft.ValidUntil = Timestamp.FromDateTimeOffset(draft.ValidFrom.ToDateTimeOffset().AddDays(-1)); break;
            case "missing dates": draft.ValidFrom = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
    }

    private async Task AssertInvalidAsync(string official, string field, Func<Task> call)
    {
        var nonce = await network.NonceOfAsync(official);
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == StatusCode.InvalidArgument, error.Status.ToString());
        Assert.Contains(field, error.Status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(official));
    }
}
