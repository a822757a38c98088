using Ledger.Core.Primitives;
using Nethereum.RPC.Eth.DTOs;
using AuthorityProfile = Ledger.Contracts.Authorities.AuthorityProfile;
using Ledger.Contracts.Permits;
using Ledger.Core.Authorities;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>Read-only questions to the contracts, each answered at one block so that its parts agree.</summary>
internal sealed class LedgerReader(LedgerChain chain)
{
    /// <summary>Most keys one node call of <see cref="ReadPermitsAsync"/> carries (the contract's bound).</summary>
    public const int MaxPermitsPerCall = PermitRegistryContract.MaxVerifyBatch;

    /// <summary>
    /// Most node calls one <see cref="ReadPermitsAsync"/> of more than <see cref="MaxPermitsPerCall"/>
    /// keys keeps in flight. A bound, not a tuning: such reads come from the follower's history
    /// batches, and each call of 256 keys is about 0.5 MB for the node to answer.
    /// </summary>
    public const int MaxCallsInFlight = 4;

    /// <summary>The chain the reads go to.</summary>
    public LedgerChain Chain => chain;

    /// <summary>The permit and its issuer's status at the newest block: one node call (<c>verifyAtHead</c>), which names its block.</summary>
    public async Task<PermitSnapshot> ReadPermitAsync(PermitKey key, CancellationToken ct) =>
        Snapshot(await chain.PermitRegistry.VerifyAtHeadAsync(key.Value, null, ct).ConfigureAwait(false));

    /// <summary>The permit and its issuer's status at <paramref name="block"/>: one node call.</summary>
    public async Task<PermitSnapshot> ReadPermitAtAsync(PermitKey key, ulong block, CancellationToken ct) =>
        Snapshot(await chain.PermitRegistry.VerifyAtHeadAsync(key.Value, new BlockParameter(block), ct).ConfigureAwait(false));

    /// <summary>
    /// The permits and their issuers' statuses at the newest block, in the order of <paramref name="keys"/>:
    /// one node call (<c>verifyManyAtHead</c>) per <see cref="MaxPermitsPerCall"/> keys, at most
    /// <see cref="MaxCallsInFlight"/> at once. The snapshots of one call share its block; those of
    /// different calls may name different blocks.
    /// </summary>
    public Task<IReadOnlyList<PermitSnapshot>> ReadPermitsAsync(IReadOnlyList<PermitKey> keys, CancellationToken ct) =>
        ReadManyAsync(keys, null, ct);

    /// <summary>The permits and their issuers' statuses at <paramref name="block"/>, in key order, chunked as <see cref="ReadPermitsAsync"/> does.</summary>
    public Task<IReadOnlyList<PermitSnapshot>> ReadPermitsAtAsync(IReadOnlyList<PermitKey> keys, ulong block, CancellationToken ct) =>
        ReadManyAsync(keys, new BlockParameter(block), ct);

    private Task<IReadOnlyList<PermitSnapshot>> ReadManyAsync(IReadOnlyList<PermitKey> keys, BlockParameter? block, CancellationToken ct) =>
        ChunkedReads.ReadAsync(keys, MaxPermitsPerCall, MaxCallsInFlight, async (chunk, token) =>
        {
            var reads = await chain.PermitRegistry.VerifyManyAtHeadAsync(chunk.Select(k => k.Value).ToArray(), block, token).ConfigureAwait(false);
            return (IReadOnlyList<PermitSnapshot>)reads.Select(Snapshot).ToArray();
        }, ct);

    private static PermitSnapshot Snapshot(PermitVerificationAtBlock read)
    {
        var permit = OnChainPermit.From(read.Verification);
        var issuerStatus = permit.Exists ? (AuthorityStatus)read.IssuerStatus : AuthorityStatus.None;
        return new PermitSnapshot(permit, issuerStatus, read.BlockNumber);
    }

    /// <summary>The account's profile at the newest block.</summary>
    public Task<AuthorityProfile> ProfileAsync(Address account, CancellationToken ct) => ProfileAtAsync(account, null, ct);

    private Task<AuthorityProfile> ProfileAtAsync(Address account, BlockParameter? block, CancellationToken ct) =>
        chain.AuthorityRegistry.ProfileOfAsync(account, block, ct);
}
