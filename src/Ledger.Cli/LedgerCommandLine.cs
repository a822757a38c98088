using System.CommandLine;
using Ledger.Cli.Commands;
using Ledger.Cli.Connection;

namespace Ledger.Cli;

/// <summary>The `ledger` command tree: permit, authority, demo, conformance and network commands under the shared connection options.</summary>
public static class LedgerCommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var permit = new Command("permit", "Register, verify, ship, confirm, cancel permits, read their history and fetch their documents")
        {
            PermitRegisterCommand.Create(),
            PermitVerifyCommand.Create(),
            PermitShipCommand.Create(),
            PermitConfirmCommand.Create(),
            PermitCancelCommand.Create(),
            PermitHistoryCommand.Create(),
            PermitDocumentCommand.Create(),
        };
        var authority = new Command("authority", "List authorities; propose and vote on new issuers")
        {
            AuthorityListCommand.Create(),
            AuthorityProposeCommand.Create(),
            AuthorityVoteCommand.Create(),
        };
        var root = new RootCommand("Permit Ledger: CITES permits and ePhytos on a shared ledger, through a gateway")
        {
            permit,
            authority,
            DemoCommand.Create(),
            ConformanceCommand.Create(),
            NetworkCommands.Create(),
        };
        ConnectionOptions.AddTo(root);
        return root;
    }
}
