using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Services;

/// <summary>ledger.v1.AuthorityService: each method declares its authorization policy and hands the authenticated caller to its handler.</summary>
[BindServiceMethod(typeof(AuthorityServiceBinding), nameof(AuthorityServiceBinding.BindService))]
internal sealed class AuthorityGrpcService(
    AuthorityReadHandlers reads,
    AuthorityWriteHandlers writes) : AuthorityService.AuthorityServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<ListAuthoritiesResponse> ListAuthorities(ListAuthoritiesRequest request, ServerCallContext context) =>
        reads.ListAuthoritiesAsync(request, context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<Authority> GetAuthority(GetAuthorityRequest request, ServerCallContext context) =>
        reads.GetAuthorityAsync(request, context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context) =>
        reads.ListProposalsAsync(request, context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Governance)]
    public override Task<ProposalResponse> ProposeIssuer(ProposeIssuerRequest request, ServerCallContext context) =>
        writes.ProposeIssuerAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Governance)]
    public override Task<ProposalResponse> ProposeIssuerSuspension(ProposeIssuerSuspensionRequest request, ServerCallContext context) =>
        writes.ProposeIssuerSuspensionAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Governance)]
    public override Task<ProposalResponse> VoteOnProposal(VoteOnProposalRequest request, ServerCallContext context) =>
        writes.VoteAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Governance)]
    public override Task<DesignateAgencyResponse> DesignateAgency(DesignateAgencyRequest request, ServerCallContext context) =>
        writes.DesignateAgencyAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Governance)]
    public override Task<SuspendAgencyResponse> SuspendAgency(SuspendAgencyRequest request, ServerCallContext context) =>
        writes.SuspendAgencyAsync(request, context.Caller(), context.CancellationToken);
}
