using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>A transaction that was mined, succeeded (status 1) and has the confirmations asked for.</summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="Receipt">Its receipt, with the block, gas used and the logs it emitted.</param>
public sealed record TransactionOutcome(Hash32 Hash, TransactionReceipt Receipt);
