using Ledger.Core.Primitives;
using Nethereum.RPC.Eth.DTOs;
using AuthorityProfile = Ledger.Contracts.Authorities.AuthorityProfile;
using Ledger.Core.Authorities;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>Read-only questions to the contracts, each answered at one block so that its parts agree.</summary>
internal sealed class LedgerReader(LedgerChain chain)
{
    /// <summary>The chain the reads go to.</summary>
    public LedgerChain Chain => chain;

    /// <summary>The permit and its issuer's status at the newest block: one node call (<c>verifyAtHead</c>), which names its block.</summary>
    public Task<PermitSnapshot> ReadPermitAsync(PermitKey key, CancellationToken ct) => ReadAsync(key, null, ct);

    /// <summary>The permit and its issuer's status at <paramref name="block"/>: one node call.</summary>
    public Task<PermitSnapshot> ReadPermitAtAsync(PermitKey key, ulong block, CancellationToken ct) => ReadAsync(key, new BlockParameter(block), ct);

    private async Task<PermitSnapshot> ReadAsync(PermitKey key, BlockParameter? block, CancellationToken ct)
    {
        var read = await chain.PermitRegistry.VerifyAtHeadAsync(key.Value, block, ct).ConfigureAwait(false);
        var permit = OnChainPermit.From(read.Verification);
        var issuerStatus = permit.Exists ? (AuthorityStatus)read.IssuerStatus : AuthorityStatus.None;
        return new PermitSnapshot(permit, issuerStatus, read.BlockNumber);
    }

    /// <summary>The account's profile at the newest block.</summary>
    public Task<AuthorityProfile> ProfileAsync(Address account, CancellationToken ct) => ProfileAtAsync(account, null, ct);

    private Task<AuthorityProfile> ProfileAtAsync(Address account, BlockParameter? block, CancellationToken ct) =>
        chain.AuthorityRegistry.ProfileOfAsync(account, block, ct);
}
