using Ledger.Chain.Primitives;

namespace Ledger.Chain.Sending;

/// <summary>
/// Sends transactions from one account and returns once they are mined and successful. The
/// contract bindings call only this interface, so a gateway can put any signer behind it.
/// </summary>
public interface ITransactionSender
{
    /// <summary>The account every transaction is sent from (msg.sender).</summary>
    Address From { get; }

    /// <summary>
    /// Signs, broadcasts and waits for the receipt of one transaction. Returns only for a
    /// successful, confirmed transaction. Throws <see cref="TransactionRevertedException"/> when
    /// the call would revert (nothing is sent) or reverted on chain,
    /// <see cref="TransactionReceiptTimeoutException"/> when no receipt came in time (the
    /// transaction may still be mined), <see cref="TransactionDroppedException"/> when the node
    /// dropped it and its nonce went to another transaction, and the
    /// <see cref="Rpc.RpcException"/> types when the node cannot be reached or refuses it.
    /// </summary>
    Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken ct = default);
}
