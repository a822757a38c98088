using System.Security.Claims;
using Ledger.Api.V1;

namespace Ledger.Console.Backend;

/// <summary>
/// What the console's pages ask of the gateway they run in: the same application handlers the
/// gRPC services call, in process, in the public contract's messages. The gateway implements it
/// (the console does not reference the gateway, which maps the console). Writes act as the
/// signed-in <see cref="ClaimsPrincipal"/>, whom the page's authorization policy has admitted.
/// Failures are <see cref="Ledger.Core.Errors.LedgerException"/>s whose message says what to do.
/// </summary>
public interface ILedgerConsoleBackend
{
    /// <summary>The gateway runs as a devnet: identities are picked, not proven.</summary>
    bool IsDevnet { get; }

    /// <summary>The identities a devnet officer may pick (empty in Production).</summary>
    IReadOnlyList<ConsoleIdentityChoice> DevIdentities { get; }

    /// <summary>The signed-in official, or null when the principal holds none.</summary>
    ConsoleCaller? DescribeCaller(ClaimsPrincipal user);

    /// <summary>VerifyPermit.</summary>
    Task<VerifyPermitResponse> VerifyAsync(VerifyPermitRequest request, CancellationToken ct);

    /// <summary>GetPermitHistory (one page).</summary>
    Task<GetPermitHistoryResponse> HistoryAsync(GetPermitHistoryRequest request, CancellationToken ct);

    /// <summary>RegisterPermit as <paramref name="user"/>.</summary>
    Task<RegisterPermitResponse> RegisterAsync(ClaimsPrincipal user, RegisterPermitRequest request, CancellationToken ct);

    /// <summary>CancelPermit as <paramref name="user"/>.</summary>
    Task<CancelPermitResponse> CancelAsync(ClaimsPrincipal user, CancelPermitRequest request, CancellationToken ct);

    /// <summary>ReplacePermit as <paramref name="user"/>.</summary>
    Task<ReplacePermitResponse> ReplaceAsync(ClaimsPrincipal user, ReplacePermitRequest request, CancellationToken ct);

    /// <summary>RecordShipment as <paramref name="user"/>.</summary>
    Task<RecordShipmentResponse> RecordShipmentAsync(ClaimsPrincipal user, RecordShipmentRequest request, CancellationToken ct);

    /// <summary>ConfirmArrival as <paramref name="user"/>.</summary>
    Task<ConfirmArrivalResponse> ConfirmArrivalAsync(ClaimsPrincipal user, ConfirmArrivalRequest request, CancellationToken ct);

    /// <summary>ListAuthorities.</summary>
    Task<ListAuthoritiesResponse> ListAuthoritiesAsync(ListAuthoritiesRequest request, CancellationToken ct);

    /// <summary>ListProposals.</summary>
    Task<ListProposalsResponse> ListProposalsAsync(ListProposalsRequest request, CancellationToken ct);
}
