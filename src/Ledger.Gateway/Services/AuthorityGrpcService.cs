using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Services;

/// <summary>ledger.v1.AuthorityService: resolves the caller and delegates each call to its handler.</summary>
[BindServiceMethod(typeof(AuthorityServiceBinding), nameof(AuthorityServiceBinding.BindService))]
internal sealed class AuthorityGrpcService(
    ICallerIdentityResolver identities,
    AuthorityReadHandlers reads,
    AuthorityWriteHandlers writes) : AuthorityService.AuthorityServiceBase
{
    /// <inheritdoc />
    public override Task<ListAuthoritiesResponse> ListAuthorities(ListAuthoritiesRequest request, ServerCallContext context)
    {
        identities.Resolve(context);
        return reads.ListAuthoritiesAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<Authority> GetAuthority(GetAuthorityRequest request, ServerCallContext context)
    {
        identities.Resolve(context);
        return reads.GetAuthorityAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        identities.Resolve(context);
        return reads.ListProposalsAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<ProposalResponse> ProposeIssuer(ProposeIssuerRequest request, ServerCallContext context) =>
        writes.ProposeIssuerAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<ProposalResponse> ProposeIssuerSuspension(ProposeIssuerSuspensionRequest request, ServerCallContext context) =>
        writes.ProposeIssuerSuspensionAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<ProposalResponse> VoteOnProposal(VoteOnProposalRequest request, ServerCallContext context) =>
        writes.VoteAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<DesignateAgencyResponse> DesignateAgency(DesignateAgencyRequest request, ServerCallContext context) =>
        writes.DesignateAgencyAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<SuspendAgencyResponse> SuspendAgency(SuspendAgencyRequest request, ServerCallContext context) =>
        writes.SuspendAgencyAsync(request, identities.Resolve(context), context.CancellationToken);
}
