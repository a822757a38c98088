using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Console.Hosting;
using Ledger.Console.Paper;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Microsoft.Extensions.Options;

namespace Ledger.Console.Pages.Issuer;

/// <summary>
/// Issuing officers: a printable paper copy (the EPIX hardcopy is marked COPY) with the anchored
/// fields and a QR code of the public verification page on this, the issuing country's, gateway.
/// Only an active issuing authority of the permit number's own country prints it, and only when
/// that country registered it: anyone may verify any permit, but a COPY from another country's
/// console (or of another country's registration under this number, or from an authority the
/// other issuers suspended) would lend the paper an authority it lacks.
/// </summary>
public sealed class CopyModel(ILedgerConsoleBackend backend, IOptions<ConsoleOptions> options) : ConsolePage(backend)
{
    // The API's largest page; a country has a handful of issuing authorities.
    private const uint MaxIssuersPerCountry = 500;

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
        if (!await MayPrintAsync(Permit))
        {
            Permit = null;
            return;
        }
        PublicUrl = PublicVerificationUrl.For(PublicBase(), Permit.PermitId);
        QrCode = PermitQrCode.PngDataUri(PublicUrl);
    }

    /// <summary>
    /// Whether the signed-in officer may print <paramref name="permit"/>; if not, the page says why.
    /// A clear refusal, not "nothing to print": the permit exists and anyone may verify it, so
    /// hiding that gains nothing and would send the officer looking for a typo in the number.
    /// </summary>
    private async Task<bool> MayPrintAsync(VerifyPermitResponse permit)
    {
        var country = PermitId.Parse(permit.PermitId).Country.Value;
        if (permit.Issuer.Country != country)
        {
            Refuse(LedgerError.FailedPrecondition(
                $"{permit.PermitId}: {ConsoleText.Reason(VerificationReason.IssuerNotOfPermitCountry)}; there is nothing to print"));
            return false;
        }
        var issuers = await AttemptAsync(ct => Backend.ListAuthoritiesAsync(
            new ListAuthoritiesRequest { Country = country, Kind = AuthorityKind.Issuer, PageSize = MaxIssuersPerCountry }, ct));
        if (issuers is null)
            return false;
        var own = Caller is { } caller
            ? issuers.Authorities.FirstOrDefault(a => string.Equals(a.Address, caller.AuthorityAddress, StringComparison.OrdinalIgnoreCase))
            : null;
        if (own is null)
        {
            Refuse(LedgerError.PermissionDenied(
                $"{permit.PermitId} is a permit of {country}: only an issuing authority of {country} prints its copy; ask them for it"));
            return false;
        }
        // The other issuers suspended this authority: a copy from it would still carry its name as if it spoke for the country.
        if (own.Status != AuthorityStatus.Active)
        {
            Refuse(LedgerError.FailedPrecondition(
                $"{permit.PermitId}: your issuing authority ({own.Address}) is suspended on the ledger, so it prints no copy; "
                + $"an active issuing authority of {country} may, and yours may again once the other issuers reinstate it"));
            return false;
        }
        return true;
    }

    private Uri PublicBase() =>
        Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured)
            ? configured
            : new Uri($"{Request.Scheme}://{Request.Host}/");
}
