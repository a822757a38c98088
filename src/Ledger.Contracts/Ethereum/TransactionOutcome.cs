using Ledger.Core.Primitives;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Ethereum;

/// <summary>A transaction that was mined, succeeded (status 1) and has the confirmations asked for.</summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="BlockNumber">The block that holds it.</param>
/// <param name="Receipt">Nethereum's receipt, with gas used and the logs it emitted.</param>
public sealed record TransactionOutcome(Bytes32 Hash, ulong BlockNumber, TransactionReceipt Receipt);
