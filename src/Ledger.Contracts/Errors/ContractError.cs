using System.Text;

namespace Ledger.Contracts.Errors;

/// <summary>
/// A custom error of the AuthorityRegistry or PermitRegistry with its decoded arguments: one
/// sealed record per Solidity error, named like it (e.g. <see cref="QuantityExceeded"/>).
/// The records are generated from the artifacts' ABI and NatSpec (see the README). Match on
/// the record type to react to a refusal; <c>ToString</c> prints the name and arguments.
/// </summary>
public abstract record ContractError
{
    /// <summary>Called by the generated records with their Solidity signature.</summary>
    protected ContractError(string signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        Signature = signature;
    }

    /// <summary>The canonical Solidity signature, e.g. <c>QuantityExceeded(bytes32,uint256,uint96,uint96)</c>.</summary>
    public string Signature { get; }

    /// <summary>The error name, e.g. <c>QuantityExceeded</c>.</summary>
    public string Name => Signature[..Signature.IndexOf('(', StringComparison.Ordinal)];

    /// <summary>Prints only the arguments: the record's type name already names the error.</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => false;
}
