using Ledger.Contracts.Errors;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Nethereum.JsonRpc.Client;

namespace Ledger.Gateway.Application;

/// <summary>How a failed write is told to the caller, and whether it can have changed anything.</summary>
internal static class WriteFailures
{
    /// <summary>The <see cref="LedgerException"/> for a chain failure, or null to let <paramref name="failure"/> through unchanged.</summary>
    public static LedgerException? Translate(Exception failure, RevertContext context) => failure switch
    {
        ContractErrorException e => new LedgerException(ContractErrorTranslator.Translate(e.Error, context)),
        TransactionRevertedException e => new LedgerException(LedgerError.FailedPrecondition($"the ledger refused the transaction: {e.Message}")),
        TransactionReceiptTimeoutException => new LedgerException(LedgerError.Unavailable(
            "the transaction was sent but not yet mined; retry later with the same request ID, which looks it up instead of sending again")),
        NonceLeaseUnavailableException e => new LedgerException(LedgerError.Unavailable(
            $"another gateway has been sending for {e.Account} for a while; retry with the same request ID")),
        // Two replicas sending for one account without their shared lease (Redis down) took each other's nonces: nothing was sent.
        NonceContentionException e => new LedgerException(LedgerError.Unavailable(
            $"another gateway is sending for {e.Account} at the same moment and took the nonces tried; nothing was sent, retry with the same request ID")),
        NodeUnreachableException or RpcResponseException => new LedgerException(Messages.NodeUnavailable()),
        _ => null,
    };

    /// <summary>True when the failure proves that nothing was written: refused or reverted by the contract.</summary>
    public static bool ChangedNothing(Exception failure) =>
        failure is ContractErrorException or TransactionRevertedException;
}
