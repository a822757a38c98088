using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger permit cancel ID --reason REASON`: the issuer cancels a permit.</summary>
public static class PermitCancelCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var reason = new Option<CancelReason>("--reason")
        {
            Description = "Why: " + string.Join(", ", CancelReasonNames.Choosable),
            Required = true,
            HelpName = "reason",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (CancelReasonNames.Parse(text) is { } parsed)
                    return parsed;
                result.AddError($"--reason '{text}' is none of: {string.Join(", ", CancelReasonNames.Choosable)}.");
                return CancelReason.Unspecified;
            },
        };
        var requestId = CommonOptions.RequestId();
        var command = new Command("cancel", "Cancel a permit (issuer only); it then verifies as CANCELLED") { permitId, reason, requestId };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new CancelPermitRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                PermitId = call.Parse.GetRequiredValue(permitId),
                Reason = call.Parse.GetValue(reason),
            };
            var answer = await call.Gateway.Permits.CancelPermitAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(PermitViews.Cancelled(request.PermitId, request.Reason, answer.Receipt).ToString());
        });
        return command;
    }
}
