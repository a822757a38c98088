using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Nethereum.JsonRpc.Client;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;

namespace Ledger.Contracts.Deployment;

/// <summary>
/// Where the Permit Ledger contracts of a chain live and what they were deployed from, as
/// <see cref="LedgerDeployer"/> writes it. Stored as JSON (<see cref="ToJson"/>,
/// <see cref="Parse"/>); reading refuses a record whose ABI versions differ from the
/// artifacts embedded in this build, so a gateway never talks to contracts it was not built for.
/// </summary>
/// <param name="ChainId">The chain (EIP-155 id) the contracts are on.</param>
/// <param name="Deployer">The account that deployed them.</param>
/// <param name="DeployedAt">When the deployment finished (UTC).</param>
/// <param name="AuthorityRegistry">The AuthorityRegistry.</param>
/// <param name="PermitRegistry">The PermitRegistry.</param>
public sealed record DeploymentRecord(
    ulong ChainId,
    Address Deployer,
    DateTimeOffset DeployedAt,
    DeployedContract AuthorityRegistry,
    DeployedContract PermitRegistry)
{
    /// <summary>The record as indented JSON.</summary>
    public string ToJson() => DeploymentRecordJson.Write(this);

    /// <summary>Reads a record and checks both ABI versions against the embedded artifacts.</summary>
    /// <exception cref="DeploymentException">The JSON is malformed, or an ABI version differs (the message says which and what to do).</exception>
    public static DeploymentRecord Parse(string json)
    {
        var record = DeploymentRecordJson.Read(json);
        RequireEmbeddedAbi(record.AuthorityRegistry, LedgerArtifacts.AuthorityRegistry);
        RequireEmbeddedAbi(record.PermitRegistry, LedgerArtifacts.PermitRegistry);
        return record;
    }

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        File.WriteAllTextAsync(path, ToJson(), cancellationToken);

    /// <summary>Reads a file written by <see cref="WriteAsync"/>, with the checks of <see cref="Parse"/>.</summary>
    /// <exception cref="DeploymentException">The file is too large, malformed or from other contracts.</exception>
    public static async Task<DeploymentRecord> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > DeploymentRecordJson.MaxLength)
            throw new DeploymentException($"{path} is {info.Length} bytes; a deployment record is at most {DeploymentRecordJson.MaxLength}.");
        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A binding of the AuthorityRegistry; <paramref name="sender"/> null for reads only.</summary>
    public AuthorityRegistryContract BindAuthorityRegistry(IClient client, ITransactionSender? sender = null) =>
        new(AuthorityRegistry.Address, client, sender);

    /// <summary>A binding of the PermitRegistry; <paramref name="sender"/> null for reads only.</summary>
    public PermitRegistryContract BindPermitRegistry(IClient client, ITransactionSender? sender = null) =>
        new(PermitRegistry.Address, client, sender);

    private static void RequireEmbeddedAbi(DeployedContract deployed, ContractArtifact artifact)
    {
        if (!string.Equals(deployed.AbiVersion, artifact.AbiVersion, StringComparison.OrdinalIgnoreCase))
            throw new DeploymentException(
                $"The deployment record's {artifact.Name} at {deployed.Address} has ABI version {deployed.AbiVersion}, but this build embeds " +
                $"{artifact.AbiVersion}: the contracts were deployed from other sources than these bindings. " +
                "Use a build made from the same contracts, or deploy them again.");
    }
}
