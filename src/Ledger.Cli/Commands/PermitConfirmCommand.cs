using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger permit confirm ID --reference REF -q N...`: import customs confirm what arrived.</summary>
public static class PermitConfirmCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var reference = CommonOptions.ShipmentReference();
        var quantity = CommonOptions.Quantity("Quantity that arrived, one per permit line in order");
        var requestId = CommonOptions.RequestId();
        var command = new Command("confirm", "Import side: confirm the quantities that arrived (never more than exported)")
        {
            permitId, reference, quantity, requestId,
        };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new ConfirmArrivalRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                PermitId = call.Parse.GetRequiredValue(permitId),
                ShipmentReference = call.Parse.GetRequiredValue(reference),
                Quantities = { Quantities.Parse(call.Parse.GetValue(quantity) ?? [], minimum: 0) },
            };
            var answer = await call.Gateway.Permits.ConfirmArrivalAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(PermitViews.Arrival(request.PermitId, answer).ToString());
        });
        return command;
    }
}
