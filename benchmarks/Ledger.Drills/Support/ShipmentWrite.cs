using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;

namespace Ledger.Drills.Support;

/// <summary>
/// One shipment a customs officer records: a permit, a shipment reference agreed at the border,
/// a quantity on the permit's first line, and the request ID the client keeps for every retry.
/// </summary>
internal sealed record ShipmentWrite(GatewayClients Gateway, string Identity, string PermitId, string Reference, ulong Quantity)
{
    /// <summary>The client's request ID, the same on every retry.</summary>
    public string RequestId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Sends the write, retrying as a client does; the outcome as the client saw it.</summary>
    public Task<WriteOutcome> SendAsync(TimeSpan attemptTimeout, TimeSpan patience, CancellationToken cancellationToken)
    {
        var request = new RecordShipmentRequest
        {
            RequestId = RequestId,
            PermitId = PermitId,
            ShipmentReference = Reference,
            Quantities = { new QuantityLine { Amount = Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        };
        var headers = new Metadata { { GatewaySettings.DevIdentityHeader, Identity } };
        return RetryingCaller.CallAsync(
            (deadline, ct) => Gateway.Permits.RecordShipmentAsync(request, new CallOptions(headers, deadline, ct)).ResponseAsync,
            attemptTimeout, patience, cancellationToken);
    }
}
