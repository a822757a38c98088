using Grpc.Core;

namespace Ledger.Gateway.Identity;

/// <summary>Tells a gRPC service who is calling.</summary>
public interface ICallerIdentityResolver
{
    /// <summary>The identity of the caller of the current call.</summary>
    /// <exception cref="RpcException">
    /// UNAUTHENTICATED when the caller did not prove an identity; PERMISSION_DENIED when the
    /// proven identity is not mapped to an authority. The message says what to do.
    /// </exception>
    CallerIdentity Resolve(ServerCallContext context);
}
