using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Generated.AuthorityRegistry.ContractDefinition;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Ledger.Contracts.Errors;

namespace Ledger.Contracts.Deployment;

/// <summary>
/// Deploys the AuthorityRegistry (with its founding issuers) and then the PermitRegistry on
/// top of it from the embedded artifacts, waits for both receipts, checks that the code at
/// both addresses is the artifacts' runtime code, and returns the <see cref="DeploymentRecord"/>.
/// A constructor refusal (e.g. a founder twice: <see cref="AuthorityAlreadyExists"/>) throws
/// <see cref="ContractErrorException"/>.
/// </summary>
public sealed class LedgerDeployer
{
    /// <summary>Most founding issuers accepted: the constructor writes a few slots per founder and must fit a block.</summary>
    public const int MaxFoundingIssuers = 100;

    private readonly IClient _rpc;
    private readonly ITransactionSender _sender;
    private readonly TimeProvider _time;

    /// <summary>Creates a deployer.</summary>
    /// <param name="rpc">The node to deploy to (reads chain id and code).</param>
    /// <param name="sender">Sends the two deployment transactions; its account is recorded as deployer.</param>
    /// <param name="timeProvider">The clock for <see cref="DeploymentRecord.DeployedAt"/>; the system clock when null.</param>
    public LedgerDeployer(IClient rpc, ITransactionSender sender, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(sender);
        _rpc = rpc;
        _sender = sender;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Deploys both contracts and returns where they are.</summary>
    /// <param name="foundingIssuers">1 to <see cref="MaxFoundingIssuers"/> issuers, active from the start.</param>
    /// <param name="cancellationToken">Cancels waiting (a transaction already sent may still be mined).</param>
    /// <exception cref="ArgumentException">No founders, too many, or a null entry.</exception>
    /// <exception cref="ContractErrorException">A constructor refused its arguments.</exception>
    /// <exception cref="DeploymentException">A receipt has no contract address or the code differs from the artifact.</exception>
    public async Task<DeploymentRecord> DeployAsync(IReadOnlyList<FoundingIssuer> foundingIssuers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(foundingIssuers);
        if (foundingIssuers.Count is 0 or > MaxFoundingIssuers || foundingIssuers.Any(founder => founder is null))
            throw new ArgumentException($"Give 1 to {MaxFoundingIssuers} founding issuers, none null.", nameof(foundingIssuers));

        var chainId = await ChainIdAsync(_rpc, cancellationToken).ConfigureAwait(false);
        var authorityRegistry = await DeployContractAsync(LedgerArtifacts.AuthorityRegistry, null, new AuthorityRegistryDeployment
            {
                Issuers = foundingIssuers.Select(f => f.Account.ToLowerHex()).ToList(),
                Countries = foundingIssuers.Select(f => f.Country.ToBytes()).ToList(),
                Codes = foundingIssuers.Select(f => f.Code.ToArray()).ToList(),
                Nodes = foundingIssuers.Select(f => f.Node.ToLowerHex()).ToList(),
            }.GetDeploymentData(),
            cancellationToken).ConfigureAwait(false);
        var permitRegistry = await DeployContractAsync(LedgerArtifacts.PermitRegistry, authorityRegistry.Address,
            new PermitRegistryDeployment { Authorityregistry = authorityRegistry.Address.ToLowerHex() }.GetDeploymentData(), cancellationToken)
            .ConfigureAwait(false);
        var finished = _time.GetUtcNow();
        // Whole seconds: the record's JSON form has no fractions, so a record reads back equal.
        var deployedAt = new DateTimeOffset(finished.Ticks - finished.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return new DeploymentRecord(chainId, _sender.From, deployedAt, authorityRegistry, permitRegistry);
    }

    /// <summary>
    /// Checks that a record's contracts are on the chain <paramref name="rpc"/> serves: same chain
    /// id, and at both addresses the artifacts' runtime code, the PermitRegistry's pointing at the
    /// record's AuthorityRegistry.
    /// </summary>
    /// <exception cref="DeploymentException">Another chain, or code that is missing or different.</exception>
    public static async Task VerifyAsync(DeploymentRecord record, IClient rpc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rpc);
        var chainId = await ChainIdAsync(rpc, cancellationToken).ConfigureAwait(false);
        if (chainId != record.ChainId)
            throw new DeploymentException($"The deployment record is for chain {record.ChainId}, but the node serves chain {chainId}.");
        await VerifyCodeAsync(rpc, LedgerArtifacts.AuthorityRegistry, record.AuthorityRegistry.Address, null, BlockParameter.CreateLatest(), cancellationToken).ConfigureAwait(false);
        await VerifyCodeAsync(rpc, LedgerArtifacts.PermitRegistry, record.PermitRegistry.Address, record.AuthorityRegistry.Address, BlockParameter.CreateLatest(), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<DeployedContract> DeployContractAsync(ContractArtifact artifact, Address? immutableAddress, byte[] deploymentData,
        CancellationToken cancellationToken)
    {
        var request = new TransactionRequest(null, deploymentData);
        TransactionOutcome outcome;
        try
        {
            outcome = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionRevertedException e) when (ContractErrorTranslation.FromSend(e, null, $"{artifact.Name} {ConstructorSignature(artifact)}") is { } typed)
        {
            throw typed;
        }
        var address = Address.TryParse(outcome.Receipt.ContractAddress?.ToLowerInvariant(), out var deployed, out _)
            ? deployed
            : throw new DeploymentException($"The {artifact.Name} deployment {outcome.Hash} succeeded but its receipt names no contract address.");
        await VerifyCodeAsync(_rpc, artifact, address, immutableAddress, new BlockParameter(outcome.BlockNumber), cancellationToken)
            .ConfigureAwait(false);
        return new DeployedContract(address, outcome.Hash, outcome.BlockNumber, artifact.AbiVersion);
    }

    private static string ConstructorSignature(ContractArtifact artifact) =>
        $"constructor({string.Join(',', (artifact.Abi.Constructor?.InputParameters ?? []).OrderBy(p => p.Order).Select(p => p.Type))})";

    private static async Task<ulong> ChainIdAsync(IClient client, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (ulong)(await new Web3(client).Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Compares the code at <paramref name="address"/> with the artifact. The PermitRegistry's
    /// only immutable is its AuthorityRegistry address, so every immutable word must hold
    /// <paramref name="immutableAddress"/>; contracts without immutables pass null.
    /// </summary>
    private static async Task VerifyCodeAsync(IClient rpc, ContractArtifact artifact, Address address, Address? immutableAddress, BlockParameter block,
        CancellationToken cancellationToken)
    {
        var code = await ContractCode.GetAsync(rpc, address, block, cancellationToken).ConfigureAwait(false);
        var word = new byte[32];
        immutableAddress?.Bytes.CopyTo(word.AsSpan(12));
        if (artifact.DescribeCodeMismatch(code, _ => word) is { } problem)
            throw new DeploymentException($"{artifact.Name} at {address} is not the embedded artifact: {problem}.");
    }
}
