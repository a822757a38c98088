using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;

namespace Ledger.Contracts.Errors;

/// <summary>
/// Recognises the contracts' custom errors in the exceptions of the RPC client and the sender.
/// The revert data is decoded here rather than trusted from the sender's own decoder, so the
/// bindings work with a sender built with any <see cref="Chain.Abi.RevertDecoder"/>.
/// </summary>
internal static class ContractErrorTranslation
{
    public static ContractErrorException? FromCall(RpcRevertException exception, Address contract, string function) =>
        ContractErrors.TryDecode(exception.RevertData) is { } error
            ? new ContractErrorException(error, contract, function, null, exception)
            : null;

    public static ContractErrorException? FromSend(TransactionRevertedException exception, Address? contract, string function) =>
        exception.Reason is { } reason && ContractErrors.TryDecode(reason.Data) is { } error
            ? new ContractErrorException(error, contract, function, exception.TransactionHash, exception)
            : null;
}
