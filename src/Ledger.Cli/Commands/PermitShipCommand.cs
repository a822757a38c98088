using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger permit ship ID --reference REF -q N...`: export customs record a shipment.</summary>
public static class PermitShipCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var reference = CommonOptions.ShipmentReference();
        var quantity = CommonOptions.Quantity("Quantity shipped, one per permit line in order (0 for a line not shipped)");
        var requestId = CommonOptions.RequestId();
        var command = new Command("ship", "Export side: record a shipment against a permit, consuming its quantities")
        {
            permitId, reference, quantity, requestId,
        };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new RecordShipmentRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                PermitId = call.Parse.GetRequiredValue(permitId),
                ShipmentReference = call.Parse.GetRequiredValue(reference),
                Quantities = { Quantities.Parse(call.Parse.GetValue(quantity) ?? [], minimum: 0) },
            };
            var answer = await call.Gateway.Permits.RecordShipmentAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(PermitViews.Shipment(request.PermitId, answer).ToString());
        });
        return command;
    }
}
