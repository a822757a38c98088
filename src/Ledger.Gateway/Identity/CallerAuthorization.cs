using Grpc.Core;

namespace Ledger.Gateway.Identity;

/// <summary>Role checks for service methods, failing with PERMISSION_DENIED and a message that says what to do.</summary>
public static class CallerAuthorization
{
    /// <summary>Returns <paramref name="caller"/> when its role is one of <paramref name="allowed"/>; otherwise throws.</summary>
    /// <exception cref="RpcException">PERMISSION_DENIED naming the needed and the actual role.</exception>
    public static CallerIdentity RequireRole(this CallerIdentity caller, params CallerRole[] allowed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (allowed.Length == 0)
            throw new ArgumentException("Name at least one allowed role.", nameof(allowed));
        if (Array.IndexOf(allowed, caller.Role) >= 0)
            return caller;
        var needed = string.Join(" or ", allowed);
        throw new RpcException(new Status(
            StatusCode.PermissionDenied,
            $"This call needs the role {needed}; your identity is mapped to {caller.Role} for authority " +
            $"{caller.AuthorityAddress}. Ask your gateway operator to map your certificate to the right role."));
    }
}
