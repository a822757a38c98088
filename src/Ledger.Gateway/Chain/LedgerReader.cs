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

    /// <summary>The permit and its issuer's status at the newest block.</summary>
    public async Task<PermitSnapshot> ReadPermitAsync(PermitKey key, CancellationToken ct)
    {
        var block = await chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        return await ReadPermitAtAsync(key, block, ct).ConfigureAwait(false);
    }

    /// <summary>The permit and its issuer's status at <paramref name="block"/>.</summary>
    public async Task<PermitSnapshot> ReadPermitAtAsync(PermitKey key, ulong block, CancellationToken ct)
    {
        var view = await chain.PermitRegistry.VerifyAsync(key.Value, new BlockParameter(block), ct).ConfigureAwait(false);
        var permit = OnChainPermit.From(view);
        if (!permit.Exists)
            return new PermitSnapshot(permit, AuthorityStatus.None, block);
        var issuer = await ProfileAtAsync(permit.Issuer, new BlockParameter(block), ct).ConfigureAwait(false);
        return new PermitSnapshot(permit, (AuthorityStatus)issuer.Status, block);
    }

    /// <summary>The account's profile at the newest block.</summary>
    public Task<AuthorityProfile> ProfileAsync(Address account, CancellationToken ct) => ProfileAtAsync(account, null, ct);

    private Task<AuthorityProfile> ProfileAtAsync(Address account, BlockParameter? block, CancellationToken ct) =>
        chain.AuthorityRegistry.ProfileOfAsync(account, block, ct);
}
