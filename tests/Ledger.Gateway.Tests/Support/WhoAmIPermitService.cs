using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// A test probe, not a permit service: VerifyPermit answers with the caller identity the
/// gateway resolved for the call (authority in issuer.address, "role|official identity" in
/// status_text), so tests can check identification end to end through a real connection.
/// </summary>
public sealed class WhoAmIPermitService(ICallerIdentityResolver identities) : PermitService.PermitServiceBase
{
    /// <inheritdoc />
    public override Task<VerifyPermitResponse> VerifyPermit(VerifyPermitRequest request, ServerCallContext context)
    {
        var caller = identities.Resolve(context);
        return Task.FromResult(new VerifyPermitResponse
        {
            Issuer = new AuthorityRef { Address = caller.AuthorityAddress },
            StatusText = caller.Role + "|" + caller.OfficialIdentity,
        });
    }
}
