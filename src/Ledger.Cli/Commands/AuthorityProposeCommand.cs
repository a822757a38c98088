using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger authority propose --address 0x.. --country NO --code NO-MA`: propose admitting an issuer.</summary>
public static class AuthorityProposeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "Account address of the authority to admit", Required = true };
        var country = new Option<string>("--country") { Description = "Its ISO country code", Required = true };
        var code = new Option<string>("--code") { Description = "Its short code (1..32 ASCII characters), e.g. NO-MA", Required = true };
        var requestId = CommonOptions.RequestId();
        var command = new Command("propose", "Propose admitting a new issuing authority (issuers then vote)") { address, country, code, requestId };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new ProposeIssuerRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                Address = call.Parse.GetRequiredValue(address),
                Country = call.Parse.GetRequiredValue(country),
                Code = call.Parse.GetRequiredValue(code),
            };
            var answer = await call.Gateway.Authorities.ProposeIssuerAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(ReceiptView.AddTo(AuthorityViews.Proposal(answer.Proposal), answer.Receipt).ToString());
        });
        return command;
    }
}
