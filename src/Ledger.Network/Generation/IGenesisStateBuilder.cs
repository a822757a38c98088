using Ledger.Network.Besu;
using Ledger.Network.Definition;

namespace Ledger.Network.Generation;

/// <summary>The registries' state at block 0: where they are and every account of the alloc.</summary>
/// <param name="AuthorityRegistry">Address of the AuthorityRegistry (also the QBFT validator contract).</param>
/// <param name="PermitRegistry">Address of the PermitRegistry.</param>
/// <param name="Alloc">The accounts to pre-deploy, by address.</param>
public sealed record GenesisState(string AuthorityRegistry, string PermitRegistry, IReadOnlyDictionary<string, GenesisAccount> Alloc)
{
    /// <summary>The two addresses alone.</summary>
    public RegistryAddresses Addresses => new(AuthorityRegistry, PermitRegistry);
}

/// <summary>Where a network's two registries are.</summary>
/// <param name="AuthorityRegistry">The AuthorityRegistry (also QBFT's validator contract).</param>
/// <param name="PermitRegistry">The PermitRegistry.</param>
public sealed record RegistryAddresses(string AuthorityRegistry, string PermitRegistry);

/// <summary>
/// Computes the registries' genesis state from the contracts themselves: their constructors
/// and the founders' own designations run on a scratch chain, and code and storage are copied
/// out (never hand-written slot numbers).
/// </summary>
public interface IGenesisStateBuilder
{
    /// <summary>Builds the state for <paramref name="network"/> with <paramref name="keys"/>.</summary>
    Task<GenesisState> BuildAsync(NetworkDefinition network, NetworkKeys keys, CancellationToken cancellationToken);
}
