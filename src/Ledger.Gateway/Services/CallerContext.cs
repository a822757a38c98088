using Grpc.Core;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Services;

/// <summary>The caller of a gRPC call, as authentication established it.</summary>
internal static class CallerContext
{
    /// <summary>The authenticated caller (the method's policy has already admitted it).</summary>
    public static CallerIdentity Caller(this ServerCallContext context) => context.GetHttpContext().User.GetCaller();
}
