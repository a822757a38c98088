using Ledger.Chain.Abi;

namespace Ledger.Contracts;

/// <summary>The two Permit Ledger contracts as embedded in this assembly, loaded once.</summary>
public static class LedgerArtifacts
{
    private static readonly Lazy<ContractArtifact> AuthorityRegistryArtifact = new(() => ContractArtifact.LoadEmbedded("AuthorityRegistry"));
    private static readonly Lazy<ContractArtifact> PermitRegistryArtifact = new(() => ContractArtifact.LoadEmbedded("PermitRegistry"));
    private static readonly Lazy<RevertDecoder> Decoder = new(() => new RevertDecoder(AuthorityRegistry.Abi, PermitRegistry.Abi));

    /// <summary>The AuthorityRegistry: authorities and their governance.</summary>
    public static ContractArtifact AuthorityRegistry => AuthorityRegistryArtifact.Value;

    /// <summary>The PermitRegistry: permits and shipments.</summary>
    public static ContractArtifact PermitRegistry => PermitRegistryArtifact.Value;

    /// <summary>
    /// Decodes revert data with the custom errors of both contracts. Give it to the transaction
    /// sender so that its exceptions name the errors; the bindings decode reverts themselves
    /// either way.
    /// </summary>
    public static RevertDecoder RevertDecoder => Decoder.Value;
}
