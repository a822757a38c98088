using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger authority propose --address 0x.. --country NO --code NO-MA --node 0x..`: propose admitting
/// an issuer and its validator node (`ledger network join` prints this line for a newcomer).
/// </summary>
public static class AuthorityProposeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var address = new Option<string>("--address") { Description = "Account address of the authority to admit", Required = true };
        var country = new Option<string>("--country") { Description = "Its ISO country code", Required = true };
        var code = new Option<string>("--code") { Description = "Its short code (1..32 ASCII characters), e.g. NO-MA", Required = true };
        var node = new Option<string>("--node") { Description = "Address of its validator node; it joins the validator set once admitted", Required = true };
        var requestId = CommonOptions.RequestId();
        var command = new Command("propose", "Propose admitting a new issuing authority and its validator node (issuers then vote)") { address, country, code, node, requestId };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new ProposeIssuerRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                Address = call.Parse.GetRequiredValue(address),
                Country = call.Parse.GetRequiredValue(country),
                Code = call.Parse.GetRequiredValue(code),
                Node = call.Parse.GetRequiredValue(node),
            };
            var answer = await call.Gateway.Authorities.ProposeIssuerAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(ReceiptView.AddTo(AuthorityViews.Proposal(answer.Proposal), answer.Receipt).ToString());
        });
        return command;
    }
}
