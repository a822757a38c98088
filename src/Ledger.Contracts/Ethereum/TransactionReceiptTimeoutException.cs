using Ledger.Core.Primitives;

namespace Ledger.Contracts.Ethereum;

/// <summary>A broadcast transaction had no receipt (or not enough confirmations) in time. It may still be mined: look it up by hash before resending.</summary>
public sealed class TransactionReceiptTimeoutException(Bytes32 transactionHash, ulong nonce, TimeSpan waited)
    : TimeoutException($"Transaction {transactionHash} (nonce {nonce}) had no receipt after {waited.TotalSeconds:0.#} s; it may still be mined.")
{
    /// <summary>The broadcast transaction.</summary>
    public Bytes32 TransactionHash { get; } = transactionHash;

    /// <summary>Its nonce.</summary>
    public ulong Nonce { get; } = nonce;
}
