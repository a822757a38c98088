using Ledger.Core.Primitives;

namespace Ledger.Contracts.Deployment;

/// <summary>One contract of a deployment.</summary>
/// <param name="Address">Where it lives.</param>
/// <param name="TransactionHash">The transaction that created it.</param>
/// <param name="BlockNumber">The block that holds that transaction (where an event follower starts).</param>
/// <param name="AbiVersion">The <see cref="ContractArtifact.AbiVersion"/> of the artifact it was deployed from.</param>
public sealed record DeployedContract(Address Address, Bytes32 TransactionHash, ulong BlockNumber, string AbiVersion);
