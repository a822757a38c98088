namespace Ledger.Chain.Abi;

/// <summary>What a function may do to the chain, as declared in the JSON ABI.</summary>
public enum AbiStateMutability
{
    /// <summary>Changes state and rejects Ether (Solidity's default).</summary>
    NonPayable,

    /// <summary>Changes state and accepts Ether.</summary>
    Payable,

    /// <summary>Reads state only: call it with <c>eth_call</c>, no transaction needed.</summary>
    View,

    /// <summary>Reads nothing from the chain.</summary>
    Pure,
}
