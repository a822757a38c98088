using Ledger.Chain.Primitives;

namespace Ledger.Chain.Sending;

/// <summary>
/// No receipt (or not enough confirmations) arrived in time. The transaction was broadcast
/// and may still be mined: look it up by <see cref="TransactionHash"/> before sending again.
/// </summary>
public sealed class TransactionReceiptTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a transaction waited on for <paramref name="waited"/>.</summary>
    public TransactionReceiptTimeoutException(Hash32 transactionHash, ulong nonce, TimeSpan waited)
        : base($"No receipt for transaction {transactionHash} (nonce {nonce}) after {waited.TotalSeconds:0.#} s. " +
               "It was broadcast and may still be mined: look it up with eth_getTransactionReceipt before sending it again.")
    {
        TransactionHash = transactionHash;
        Nonce = nonce;
        Waited = waited;
    }

    /// <summary>The hash of the transaction that was broadcast.</summary>
    public Hash32 TransactionHash { get; }

    /// <summary>The nonce it used.</summary>
    public ulong Nonce { get; }

    /// <summary>How long the sender waited.</summary>
    public TimeSpan Waited { get; }
}
