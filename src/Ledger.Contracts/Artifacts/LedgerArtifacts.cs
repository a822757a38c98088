namespace Ledger.Contracts;

/// <summary>The two Permit Ledger contracts as embedded in this assembly, loaded once.</summary>
public static class LedgerArtifacts
{
    private static readonly Lazy<ContractArtifact> AuthorityRegistryArtifact = new(() => ContractArtifact.LoadEmbedded("AuthorityRegistry"));
    private static readonly Lazy<ContractArtifact> PermitRegistryArtifact = new(() => ContractArtifact.LoadEmbedded("PermitRegistry"));

    /// <summary>The AuthorityRegistry: authorities and their governance.</summary>
    public static ContractArtifact AuthorityRegistry => AuthorityRegistryArtifact.Value;

    /// <summary>The PermitRegistry: permits and shipments.</summary>
    public static ContractArtifact PermitRegistry => PermitRegistryArtifact.Value;
}
