using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Console.Hosting;
using Ledger.Console.Paper;
using Microsoft.Extensions.Options;

namespace Ledger.Console.Pages.Issuer;

/// <summary>
/// Issuing officers: a printable paper copy (the EPIX hardcopy is marked COPY) with the anchored
/// fields and a QR code of the public verification page on this, the issuing country's, gateway.
/// </summary>
public sealed class CopyModel(ILedgerConsoleBackend backend, IOptions<ConsoleOptions> options) : ConsolePage(backend)
{
    /// <summary>The permit number.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The permit as anchored.</summary>
    public VerifyPermitResponse? Permit { get; private set; }

    /// <summary>The public verification page of the permit.</summary>
    public Uri? PublicUrl { get; private set; }

    /// <summary>The QR code of <see cref="PublicUrl"/>, a PNG data URI.</summary>
    public string QrCode { get; private set; } = "";

    /// <summary>Builds the copy of <paramref name="id"/>.</summary>
    public async Task OnGetAsync(string? id)
    {
        Id = id?.Trim() ?? "";
        Permit = await AttemptAsync(ct => Backend.VerifyAsync(new VerifyPermitRequest { PermitId = Id }, ct));
        if (Permit?.Issuer is null)
            return;
        PublicUrl = PublicVerificationUrl.For(PublicBase(), Permit.PermitId);
        QrCode = PermitQrCode.PngDataUri(PublicUrl);
    }

    private Uri PublicBase() =>
        Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured)
            ? configured
            : new Uri($"{Request.Scheme}://{Request.Host}/");
}
