using Ledger.Api.V1;
using Ledger.Console.Backend;

namespace Ledger.Console.Pages.Issuer;

/// <summary>Issuing officers: cancel a permit of their country, for good, with a reason.</summary>
public sealed class CancelModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>The permit number.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The reason chosen.</summary>
    public CancelReason Reason { get; private set; } = CancelReason.IssuedInError;

    /// <summary>The idempotency key of the form.</summary>
    public string RequestId { get; private set; } = NewRequestId();

    /// <summary>True after the ledger recorded the cancellation.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Shows the form, for <paramref name="id"/> when given.</summary>
    public void OnGet(string? id) => Id = id?.Trim() ?? "";

    /// <summary>Cancels.</summary>
    public async Task OnPostAsync(string? id, CancelReason reason, string? requestId)
    {
        Id = id?.Trim() ?? "";
        Reason = reason;
        RequestId = string.IsNullOrWhiteSpace(requestId) ? NewRequestId() : requestId;
        var response = await AttemptAsync(ct => Backend.CancelAsync(User, new CancelPermitRequest { RequestId = RequestId, PermitId = Id, Reason = reason }, ct));
        Cancelled = response is not null;
    }
}
