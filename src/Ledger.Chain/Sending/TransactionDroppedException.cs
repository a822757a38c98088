using Ledger.Chain.Primitives;

namespace Ledger.Chain.Sending;

/// <summary>
/// The node dropped a broadcast transaction and, when it was sent again, its nonce had been
/// taken by another transaction of the same account: it can never be mined. Nothing of it
/// took effect; send the request again if it is still wanted.
/// </summary>
public sealed class TransactionDroppedException : Exception
{
    /// <summary>Creates the exception; <paramref name="innerException"/> is the node's refusal of the re-broadcast.</summary>
    public TransactionDroppedException(Hash32 transactionHash, ulong nonce, Exception? innerException = null)
        : base($"Transaction {transactionHash} was dropped by the node and its nonce {nonce} has since been used by another " +
               "transaction of this account, so it will never be mined. Send the request again if it is still wanted.", innerException)
    {
        TransactionHash = transactionHash;
        Nonce = nonce;
    }

    /// <summary>The hash of the dropped transaction.</summary>
    public Hash32 TransactionHash { get; }

    /// <summary>The nonce it had, now used by another transaction.</summary>
    public ulong Nonce { get; }
}
