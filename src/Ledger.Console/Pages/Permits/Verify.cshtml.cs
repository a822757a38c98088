using Ledger.Api.V1;
using Ledger.Console.Backend;

namespace Ledger.Console.Pages.Permits;

/// <summary>Anyone signed in: what the ledger says about a permit number, with its history.</summary>
public sealed class VerifyModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>History events shown on one page.</summary>
    private const uint HistoryPageSize = 100;

    /// <summary>The permit number asked for.</summary>
    public string? Id { get; private set; }

    /// <summary>The verification, when a number was given and accepted.</summary>
    public VerifyPermitResponse? Result { get; private set; }

    /// <summary>The permit's history (first page).</summary>
    public GetPermitHistoryResponse? History { get; private set; }

    /// <summary>Verifies <paramref name="id"/> when given.</summary>
    public async Task OnGetAsync(string? id)
    {
        Id = id?.Trim();
        if (string.IsNullOrEmpty(Id))
            return;
        Result = await AttemptAsync(ct => Backend.VerifyAsync(new VerifyPermitRequest { PermitId = Id }, ct));
        if (Result?.Issuer is not null)
            History = await AttemptAsync(ct => Backend.HistoryAsync(new GetPermitHistoryRequest { PermitId = Id, PageSize = HistoryPageSize }, ct));
    }

    /// <summary>An event's details in one line.</summary>
    public static string Details(PermitHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.DetailsCase switch
        {
            PermitHistoryEntry.DetailsOneofCase.Cancellation => ConsoleText.CancelReasonText(entry.Cancellation.Reason),
            PermitHistoryEntry.DetailsOneofCase.Shipment => "quantities " + string.Join(", ", entry.Shipment.Quantities),
            PermitHistoryEntry.DetailsOneofCase.Registration => ConsoleText.Type(entry.Registration.Type),
            _ => "",
        };
    }
}
