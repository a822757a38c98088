using System.Globalization;
using Ledger.Api.V1;

namespace Ledger.Cli.Output;

/// <summary>Readable forms of authorities and governance proposals.</summary>
public static class AuthorityViews
{
    /// <summary>Header of the authority table.</summary>
    public static string TableHeader => Row("ADDRESS", "COUNTRY", "KIND", "STATUS", "CODE");

    /// <summary>One authority as a table row; the code is shown as text when it is printable.</summary>
    public static string TableRow(Authority authority) =>
        Row(authority.Address, authority.Country, Words.Of(authority.Kind), Words.Of(authority.Status), CodeText.Readable(authority.Code));

    /// <summary>A proposal and how far its vote has come.</summary>
    public static KeyValueBlock Proposal(Proposal proposal) => new KeyValueBlock()
        .Add("proposal", proposal.ProposalId.ToString(CultureInfo.InvariantCulture))
        .Add("action", Words.Of(proposal.Kind))
        .Add("subject", Words.Of(proposal.Subject))
        .Add("code", CodeText.Readable(proposal.SubjectCode))
        .Add("proposed by", Words.Of(proposal.Proposer))
        .Add("votes", $"{proposal.Votes} of {proposal.VotesNeeded} needed")
        .Add("state", Words.Of(proposal.State))
        .Add("expires", Words.Of(proposal.ExpiresAt));

    private static string Row(string address, string country, string kind, string status, string code) =>
        $"{address,-42}  {country,-7}  {kind,-20}  {status,-9}  {code}".TrimEnd();
}
