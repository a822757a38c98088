using Ledger.Core.Primitives;

namespace Ledger.Contracts.Ethereum;

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
    /// transaction may still be mined), <see cref="NodeUnreachableException"/> when no node
    /// answered, and Nethereum's <c>RpcResponseException</c> when the node refused it.
    /// </summary>
    Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken cancellationToken = default);
}
