using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Contracts.Errors;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Application;

/// <summary>How a failed write is told to the caller, and whether it can have changed anything.</summary>
internal static class WriteFailures
{
    /// <summary>The <see cref="LedgerException"/> for a chain failure, or null to let <paramref name="failure"/> through unchanged.</summary>
    public static LedgerException? Translate(Exception failure, RevertContext context) => failure switch
    {
        ContractErrorException e => new LedgerException(ContractErrorTranslator.Translate(e.Error, context)),
        TransactionRevertedException e => new LedgerException(LedgerError.FailedPrecondition(
            $"the ledger refused the transaction: {e.Reason?.Message ?? "no reason given"}")),
        TransactionReceiptTimeoutException => new LedgerException(LedgerError.Unavailable(
            "the transaction was sent but not yet mined; retry later with the same request ID, which looks it up instead of sending again")),
        RpcException or TransactionDroppedException => new LedgerException(Messages.NodeUnavailable()),
        _ => null,
    };

    /// <summary>True when the failure proves that nothing was written: refused or reverted by the contract, or dropped by the node.</summary>
    public static bool ChangedNothing(Exception failure) =>
        failure is ContractErrorException or TransactionRevertedException or TransactionDroppedException;
}
