using Ledger.Chain.Abi;

namespace Ledger.Contracts.Binding;

/// <summary>A function of a contract with its encoded calldata, ready for eth_call or a transaction.</summary>
internal sealed class ContractCall
{
    public ContractCall(AbiFunction function, params object?[] arguments)
    {
        Function = function;
        Data = function.EncodeCall(arguments);
    }

    /// <summary>The function called; its outputs decode what eth_call returns.</summary>
    public AbiFunction Function { get; }

    /// <summary>Selector and ABI-encoded arguments.</summary>
    public byte[] Data { get; }
}
