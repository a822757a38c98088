using Ledger.Chain.Logs;
using Ledger.Chain.Rpc;

namespace Ledger.Gateway.Chain;

/// <summary>A mined, successful transaction: its receipt, block time and the contract events it emitted.</summary>
/// <param name="Receipt">The receipt.</param>
/// <param name="BlockTime">The time of the block that holds it.</param>
/// <param name="Events">Its logs decoded as events of the two contracts (others skipped).</param>
internal sealed record ChainWriteResult(TransactionReceipt Receipt, DateTimeOffset BlockTime, IReadOnlyList<DecodedLog> Events)
{
    /// <summary>The events named <paramref name="name"/>, in log order.</summary>
    public IEnumerable<DecodedLog> EventsNamed(string name) => Events.Where(e => e.Event.Event.Name == name);
}
