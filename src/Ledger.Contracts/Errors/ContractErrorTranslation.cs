using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;

namespace Ledger.Contracts.Errors;

/// <summary>Recognises the contracts' custom errors in a node's eth_call error and in the sender's revert.</summary>
internal static class ContractErrorTranslation
{
    public static ContractErrorException? FromCall(RpcResponseException exception, Address contract, string function) =>
        RevertData.From(exception) is { } data && ContractErrors.TryDecode(data) is { } error
            ? new ContractErrorException(error, contract, function, null, exception)
            : null;

    public static ContractErrorException? FromSend(TransactionRevertedException exception, Address? contract, string function) =>
        ContractErrors.TryDecode(exception.RevertData.Span) is { } error
            ? new ContractErrorException(error, contract, function, exception.TransactionHash, exception)
            : null;
}
