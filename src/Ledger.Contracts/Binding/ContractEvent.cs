using System.Text;

namespace Ledger.Contracts;

/// <summary>
/// An event of the AuthorityRegistry or PermitRegistry decoded from a log: one sealed record
/// per Solidity event. <see cref="Log"/> says where it was emitted (contract, block,
/// transaction, position). List-valued fields compare by reference, like all record lists.
/// </summary>
/// <param name="Log">Where the event was emitted.</param>
public abstract record ContractEvent(LogPosition Log)
{
    /// <summary>Prints only the event's fields: the log's position is in <see cref="Log"/>.</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => false;
}
