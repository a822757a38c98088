using System.Security.Claims;
using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Core.Errors;
using Ledger.Gateway.Application;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Services;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// The console's pages call the same application handlers as the gRPC services, in process,
/// with the caller that authentication established (the page's policy has admitted it). A node
/// failure becomes the same UNAVAILABLE refusal the API gives.
/// </summary>
internal sealed class GatewayConsoleBackend(
    IOptions<GatewayOptions> gateway,
    IOptions<IdentityOptions> identity,
    VerifyPermitHandler verify,
    GetPermitHistoryHandler history,
    RegisterPermitHandler register,
    CancelPermitHandler cancel,
    ReplacePermitHandler replace,
    RecordShipmentHandler recordShipment,
    ConfirmArrivalHandler confirmArrival,
    AuthorityReadHandlers authorities) : ILedgerConsoleBackend
{
    /// <inheritdoc />
    public bool IsDevnet => gateway.Value.Mode == GatewayMode.Devnet;

    /// <inheritdoc />
    public IReadOnlyList<ConsoleIdentityChoice> DevIdentities => IsDevnet
        ? [.. identity.Value.DevIdentities.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ConsoleIdentityChoice(pair.Key, pair.Value.Role?.ToString() ?? "", pair.Value.Authority))]
        : [];

    /// <inheritdoc />
    public ConsoleCaller? DescribeCaller(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var caller = user.FindCaller();
        return caller is null ? null : new ConsoleCaller(DisplayName(caller), caller.Role.ToString(), caller.AuthorityAddress);
    }

    /// <inheritdoc />
    public Task<VerifyPermitResponse> VerifyAsync(VerifyPermitRequest request, CancellationToken ct) =>
        Guarded(() => verify.HandleAsync(request, ct));

    /// <inheritdoc />
    public Task<GetPermitHistoryResponse> HistoryAsync(GetPermitHistoryRequest request, CancellationToken ct) =>
        Guarded(() => history.HandleAsync(request, ct));

    /// <inheritdoc />
    public Task<RegisterPermitResponse> RegisterAsync(ClaimsPrincipal user, RegisterPermitRequest request, CancellationToken ct) =>
        Guarded(() => register.HandleAsync(request, user.GetCaller(), ct));

    /// <inheritdoc />
    public Task<CancelPermitResponse> CancelAsync(ClaimsPrincipal user, CancelPermitRequest request, CancellationToken ct) =>
        Guarded(() => cancel.HandleAsync(request, user.GetCaller(), ct));

    /// <inheritdoc />
    public Task<ReplacePermitResponse> ReplaceAsync(ClaimsPrincipal user, ReplacePermitRequest request, CancellationToken ct) =>
        Guarded(() => replace.HandleAsync(request, user.GetCaller(), ct));

    /// <inheritdoc />
    public Task<RecordShipmentResponse> RecordShipmentAsync(ClaimsPrincipal user, RecordShipmentRequest request, CancellationToken ct) =>
        Guarded(() => recordShipment.HandleAsync(request, user.GetCaller(), ct));

    /// <inheritdoc />
    public Task<ConfirmArrivalResponse> ConfirmArrivalAsync(ClaimsPrincipal user, ConfirmArrivalRequest request, CancellationToken ct) =>
        Guarded(() => confirmArrival.HandleAsync(request, user.GetCaller(), ct));

    /// <inheritdoc />
    public Task<ListAuthoritiesResponse> ListAuthoritiesAsync(ListAuthoritiesRequest request, CancellationToken ct) =>
        Guarded(() => authorities.ListAuthoritiesAsync(request, ct));

    /// <inheritdoc />
    public Task<ListProposalsResponse> ListProposalsAsync(ListProposalsRequest request, CancellationToken ct) =>
        Guarded(() => authorities.ListProposalsAsync(request, ct));

    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (LedgerErrorInterceptor.IsNodeFailure(e))
        {
            throw new LedgerException(Messages.NodeUnavailable());
        }
    }

    // "devnet|ch-issuer" shows as "ch-issuer"; a certificate's official identity as its subject.
    private static string DisplayName(CallerIdentity caller) =>
        caller.OfficialIdentity[(caller.OfficialIdentity.IndexOf('|', StringComparison.Ordinal) + 1)..];
}
