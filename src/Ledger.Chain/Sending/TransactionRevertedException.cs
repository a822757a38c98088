using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// The contract refused the call: either eth_estimateGas reverted, so nothing was sent and no
/// nonce was used (<see cref="WasSent"/> false), or the mined transaction has status 0 and
/// replaying it gave the reason. <see cref="CustomError"/> carries the contract's typed
/// error (name and named values) for bindings to map to domain errors.
/// </summary>
public sealed class TransactionRevertedException : Exception
{
    /// <summary>Creates the exception; <paramref name="hash"/> and <paramref name="receipt"/> are set only when the transaction was mined.</summary>
    /// <param name="reason">The decoded revert reason; null when it could not be recovered.</param>
    /// <param name="hash">The mined transaction's hash; null when nothing was sent.</param>
    /// <param name="receipt">The mined transaction's receipt (status 0); null when nothing was sent.</param>
    /// <param name="detail">Why the reason is missing, when <paramref name="reason"/> is null.</param>
    /// <param name="innerException">The node's revert error, when there was one.</param>
    public TransactionRevertedException(RevertReason? reason, Hash32? hash, TransactionReceipt? receipt, string? detail = null, Exception? innerException = null)
        : base(Describe(reason, hash, receipt, detail), innerException)
    {
        if (hash is null != receipt is null)
            throw new ArgumentException("A mined transaction has both a hash and a receipt; one that was not sent has neither.");
        Reason = reason;
        TransactionHash = hash;
        Receipt = receipt;
    }

    /// <summary>True when the transaction was mined (and reverted); false when estimation reverted and nothing was sent.</summary>
    public bool WasSent => TransactionHash is not null;

    /// <summary>The reverted transaction's hash, or null when nothing was sent.</summary>
    public Hash32? TransactionHash { get; }

    /// <summary>The receipt (status 0), or null when nothing was sent.</summary>
    public TransactionReceipt? Receipt { get; }

    /// <summary>The decoded reason, or null when the revert data could not be recovered.</summary>
    public RevertReason? Reason { get; }

    /// <summary>The contract's custom error with its decoded arguments, when the reason is one the decoder knows.</summary>
    public CustomErrorRevert? CustomError => Reason as CustomErrorRevert;

    private static string Describe(RevertReason? reason, Hash32? hash, TransactionReceipt? receipt, string? detail)
    {
        var why = reason?.Message ?? "the reason could not be recovered" + (detail is null ? "." : $" ({detail}).");
        return hash is { } sent && receipt is not null
            ? $"Transaction {sent} reverted in block {receipt.BlockNumber}: {why}"
            : $"The transaction would revert, so it was not sent and no nonce was used: {why}";
    }
}
