using Ledger.Api.V1;
using Ledger.Console.Backend;

namespace Ledger.Console.Pages.Public;

/// <summary>
/// The page a paper copy's QR code opens, for anyone: only status, reason, issuer and validity
/// (no quantities, parties or document). No login; rate limited per client address (both declared on the page).
/// </summary>
public sealed class PublicVerifyModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>The public part of the verification; the page shows nothing else of it.</summary>
    public VerifyPermitResponse? Result { get; private set; }

    /// <summary>Verifies <paramref name="id"/> when given.</summary>
    public async Task OnGetAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return;
        var full = await AttemptAsync(ct => Backend.VerifyAsync(new VerifyPermitRequest { PermitId = id.Trim() }, ct));
        Result = full is null ? null : PublicPart(full);
    }

    /// <summary>Only what the public may see, so the page cannot show more by mistake.</summary>
    public static VerifyPermitResponse PublicPart(VerifyPermitResponse full)
    {
        ArgumentNullException.ThrowIfNull(full);
        return new VerifyPermitResponse
        {
            PermitId = full.PermitId,
            Status = full.Status,
            Reason = full.Reason,
            Issuer = full.Issuer,
            ValidFrom = full.ValidFrom,
            ValidUntil = full.ValidUntil,
            AsOfBlock = full.AsOfBlock,
        };
    }
}
