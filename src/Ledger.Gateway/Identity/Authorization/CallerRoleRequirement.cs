using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>Met when the principal holds a ledger caller whose role is one of <see cref="Allowed"/>.</summary>
/// <param name="Allowed">The roles admitted.</param>
public sealed record CallerRoleRequirement(IReadOnlyList<CallerRole> Allowed) : IAuthorizationRequirement;

/// <summary>Checks <see cref="CallerRoleRequirement"/> against the authenticated caller.</summary>
internal sealed class CallerRoleHandler : AuthorizationHandler<CallerRoleRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRoleRequirement requirement)
    {
        if (context.User.FindCaller() is { } caller && requirement.Allowed.Contains(caller.Role))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
