using Ledger.Chain.Abi;
using Ledger.Contracts;

namespace Ledger.Gateway.Chain;

/// <summary>The ABIs of the two contracts, from Ledger.Contracts' embedded artifacts (exactly what was compiled and reviewed).</summary>
internal static class LedgerContractAbis
{
    /// <summary>The PermitRegistry ABI.</summary>
    public static ContractAbi PermitRegistry => LedgerArtifacts.PermitRegistry.Abi;

    /// <summary>The AuthorityRegistry ABI.</summary>
    public static ContractAbi AuthorityRegistry => LedgerArtifacts.AuthorityRegistry.Abi;

    /// <summary>Decodes the custom errors of both contracts (a permit call may revert with an authority check error).</summary>
    public static RevertDecoder Reverts => LedgerArtifacts.RevertDecoder;
}
