using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// A test probe, not a permit service: VerifyPermit answers with the caller identity the
/// gateway authenticated for the call (authority in issuer.address, "role|official identity" in
/// status_text), so tests can check identification end to end through a real connection.
/// </summary>
public sealed class WhoAmIPermitService : PermitService.PermitServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<VerifyPermitResponse> VerifyPermit(VerifyPermitRequest request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().User.GetCaller();
        return Task.FromResult(new VerifyPermitResponse
        {
            Issuer = new AuthorityRef { Address = caller.AuthorityAddress },
            StatusText = caller.Role + "|" + caller.OfficialIdentity,
        });
    }
}
