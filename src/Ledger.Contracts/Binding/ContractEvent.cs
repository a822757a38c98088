using System.Text;
using Ledger.Chain.Rpc;

namespace Ledger.Contracts;

/// <summary>
/// An event of the AuthorityRegistry or PermitRegistry decoded from a log: one sealed record
/// per Solidity event. <see cref="Log"/> says where it was emitted (contract, block,
/// transaction, position). List-valued fields compare by reference, like all record lists.
/// </summary>
/// <param name="Log">The log the event was decoded from.</param>
public abstract record ContractEvent(LogEntry Log)
{
    /// <summary>Prints only the event's fields: the log's position is in <see cref="Log"/>.</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => false;
}
