using System.Collections.Concurrent;
using Grpc.Core;
using Ledger.Api.V1;

namespace Ledger.Gateway.Tests.Api;

/// <summary>
/// A test probe, not a permit service: it records the requests that the HTTP/JSON routes of
/// permits.proto deliver, so tests can check that each route binds the fields it should.
/// Open to anonymous callers on purpose: these tests are about routes, and the in-process
/// test server has no remote address, which Devnet identities require.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class RecordingPermitService(ConcurrentQueue<object> received) : PermitService.PermitServiceBase
{
    /// <inheritdoc />
    public override Task<VerifyPermitResponse> VerifyPermit(VerifyPermitRequest request, ServerCallContext context)
    {
        received.Enqueue(request);
        return Task.FromResult(new VerifyPermitResponse
        {
            PermitId = request.PermitId,
            Status = VerificationStatus.Valid,
            Lines = { new LineBalance { Authorised = "79228162514264337593543950335", Used = "1", Remaining = "79228162514264337593543950334" } },
        });
    }

    /// <inheritdoc />
    public override Task<RegisterPermitResponse> RegisterPermit(RegisterPermitRequest request, ServerCallContext context)
    {
        received.Enqueue(request);
        return Task.FromResult(new RegisterPermitResponse { Receipt = new WriteReceipt { BlockNumber = 7, Replayed = true } });
    }
}
