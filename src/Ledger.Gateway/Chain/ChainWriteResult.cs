using Ledger.Contracts.Ethereum;
using Ledger.Contracts;

namespace Ledger.Gateway.Chain;

/// <summary>A mined, successful transaction: its receipt, block time and the contract events it emitted.</summary>
/// <param name="Receipt">The receipt.</param>
/// <param name="BlockTime">The time of the block that holds it.</param>
/// <param name="Events">Its logs decoded as typed events of the two contracts (others skipped), in log order.</param>
internal sealed record ChainWriteResult(TransactionOutcome Receipt, DateTimeOffset BlockTime, IReadOnlyList<ContractEvent> Events);
