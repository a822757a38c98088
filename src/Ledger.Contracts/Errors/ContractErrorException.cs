using Ledger.Core.Primitives;

namespace Ledger.Contracts.Errors;

/// <summary>
/// A contract refused a call or transaction with one of its custom errors, carried typed in
/// <see cref="Error"/>. Thrown by the bindings for reverts of eth_call, of gas estimation
/// (nothing was sent) and of mined transactions (<see cref="TransactionHash"/> set). Reverts
/// that are not custom errors surface as the underlying RPC or sender exception.
/// </summary>
public sealed class ContractErrorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The decoded error.</param>
    /// <param name="contract">The contract called; null for a deployment.</param>
    /// <param name="function">The function's signature, or "constructor".</param>
    /// <param name="transactionHash">The mined transaction that reverted; null when nothing was mined.</param>
    /// <param name="innerException">The RPC or sender exception that carried the revert.</param>
    public ContractErrorException(ContractError error, Address? contract, string function, Bytes32? transactionHash, Exception? innerException)
        : base(Describe(error, contract, function, transactionHash), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrEmpty(function);
        Error = error;
        Contract = contract;
        Function = function;
        TransactionHash = transactionHash;
    }

    /// <summary>The contract's error with its arguments.</summary>
    public ContractError Error { get; }

    /// <summary>The contract called; null for a deployment.</summary>
    public Address? Contract { get; }

    /// <summary>The function's canonical signature, or "constructor" for a deployment.</summary>
    public string Function { get; }

    /// <summary>The reverted transaction; null when the refusal came from eth_call or gas estimation.</summary>
    public Bytes32? TransactionHash { get; }

    /// <summary>True when a transaction was mined and reverted (its gas is spent); false when nothing was sent.</summary>
    public bool WasSent => TransactionHash is not null;

    private static string Describe(ContractError error, Address? contract, string function, Bytes32? transactionHash)
    {
        var target = contract is { } address ? $"{function} on {address}" : $"Deploying {function}";
        return transactionHash is { } hash
            ? $"{target} reverted in transaction {hash}: {error}"
            : $"{target} was refused, nothing was sent: {error}";
    }
}
