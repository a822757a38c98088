using System.Security.Claims;
using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Core.Errors;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// A backend for page tests without a gateway: verifications answer from a script (an answer or a
/// refusal per permit number) once <see cref="ConcurrentVerifications"/> of them are under way at
/// the same time, so a page that verifies one after the other never finishes; the authority
/// directory answers from <see cref="Authorities"/>; the rest is not something these tests call.
/// </summary>
public sealed class ScriptedConsoleBackend(IReadOnlyDictionary<string, Func<VerifyPermitResponse>> script, int concurrentVerifications) : ILedgerConsoleBackend
{
    private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>How many verifications must be under way together before any answers.</summary>
    public int ConcurrentVerifications { get; } = concurrentVerifications;

    /// <summary>The authorities ListAuthorities answers from (filtered by the request's country, kind and status).</summary>
    public List<Authority> Authorities { get; init; } = [];

    /// <summary>The permit numbers verified, in the order asked.</summary>
    public List<string> Verified { get; } = [];

    /// <inheritdoc />
    public bool IsDevnet => true;

    /// <inheritdoc />
    public IReadOnlyList<ConsoleIdentityChoice> DevIdentities => [];

    /// <inheritdoc />
    public ConsoleCaller? DescribeCaller(ClaimsPrincipal user) => new("ch-issuer", "IssuingOfficer", "0x00000000000000000000000000000000000000aa");

    /// <inheritdoc />
    public async Task<VerifyPermitResponse> VerifyAsync(VerifyPermitRequest request, CancellationToken ct)
    {
        lock (Verified)
            Verified.Add(request.PermitId);
        if (Interlocked.Increment(ref _started) == ConcurrentVerifications)
            _allStarted.SetResult();
        await _allStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        return script[request.PermitId]();
    }

    /// <inheritdoc />
    public Task<GetPermitHistoryResponse> HistoryAsync(GetPermitHistoryRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<RegisterPermitResponse> RegisterAsync(ClaimsPrincipal user, RegisterPermitRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<CancelPermitResponse> CancelAsync(ClaimsPrincipal user, CancelPermitRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<ReplacePermitResponse> ReplaceAsync(ClaimsPrincipal user, ReplacePermitRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<RecordShipmentResponse> RecordShipmentAsync(ClaimsPrincipal user, RecordShipmentRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<ConfirmArrivalResponse> ConfirmArrivalAsync(ClaimsPrincipal user, ConfirmArrivalRequest request, CancellationToken ct) => throw NotScripted();

    /// <inheritdoc />
    public Task<ListAuthoritiesResponse> ListAuthoritiesAsync(ListAuthoritiesRequest request, CancellationToken ct) =>
        Task.FromResult(new ListAuthoritiesResponse
        {
            Authorities =
            {
                Authorities.Where(a => (request.Country.Length == 0 || a.Country == request.Country)
                    && (request.Kind == AuthorityKind.Unspecified || a.Kind == request.Kind)
                    && (request.Status == AuthorityStatus.Unspecified || a.Status == request.Status)),
            },
        });

    /// <inheritdoc />
    public Task<ListProposalsResponse> ListProposalsAsync(ListProposalsRequest request, CancellationToken ct) => throw NotScripted();

    /// <summary>What the scripted answer for a refusal throws.</summary>
    public static Func<VerifyPermitResponse> Refusing(LedgerError error) => () => throw new LedgerException(error);

    private static NotSupportedException NotScripted() => new("The page under test does not call this.");
}
