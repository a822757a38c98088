using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger authority vote PROPOSAL`: vote for an open proposal.</summary>
public static class AuthorityVoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var proposalId = new Argument<ulong>("proposal-id") { Description = "Number of the proposal" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("vote", "Vote for an open proposal; it executes once a strict majority of issuers voted") { proposalId, requestId };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new VoteOnProposalRequest
            {
                RequestId = RequestIds.Choose(call.Parse.GetValue(requestId)),
                ProposalId = call.Parse.GetRequiredValue(proposalId),
            };
            var answer = await call.Gateway.Authorities.VoteOnProposalAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(ReceiptView.AddTo(AuthorityViews.Proposal(answer.Proposal), answer.Receipt).ToString());
        });
        return command;
    }
}
