using Ledger.Core.Countries;
using Ledger.Core.Permits;

namespace Ledger.Core.Registration;

/// <summary>
/// A permit as an issuing authority asks to register it, before any checking: texts as
/// typed, numbers as sent. <see cref="Validate"/> turns it into a
/// <see cref="PermitRegistration"/> or lists everything that is wrong with it.
/// </summary>
public sealed record PermitDraft
{
    /// <summary>The permit number as typed (see <see cref="Permits.PermitId"/> for the rules).</summary>
    public required string PermitId { get; init; }

    /// <summary>The kind of document.</summary>
    public required PermitType Type { get; init; }

    /// <summary>First moment of validity, inclusive; whole seconds.</summary>
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>First moment the permit is no longer valid, exclusive; whole seconds.</summary>
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>
    /// The other country of the trade, as typed: the country of import for export,
    /// re-export and phytosanitary documents (required there), the country of export for an
    /// import permit (optional). Its customs may record shipments against the permit.
    /// </summary>
    public string? Destination { get; init; }

    /// <summary>The authorised amount of each line, in permit order (1 to 16 lines).</summary>
    public required IReadOnlyList<UInt128> Lines { get; init; }

    /// <summary>How many shipments the permit covers (0 = unlimited, certificates only).</summary>
    public required int MaxShipments { get; init; }

    /// <summary>
    /// The permit this one derives from, as typed: the permit it replaces, or for a
    /// re-export the permit under which the specimens were imported (possibly another
    /// country's). Null when there is none.
    /// </summary>
    public string? PreviousPermitId { get; init; }

    /// <summary>The permit document's bytes, when the authority sends the document itself.</summary>
    public ReadOnlyMemory<byte>? Document { get; init; }

    /// <summary>The document's SHA-256 in hex, when the authority sends only the hash.</summary>
    public string? DocumentHash { get; init; }

    /// <summary>
    /// Checks every rule and reports every problem found, not just the first.
    /// </summary>
    /// <param name="now">The current time (Core reads no clock).</param>
    /// <param name="issuingAuthorityCountry">
    /// The country of the authority registering the permit, when known; the permit ID must
    /// then carry that country.
    /// </param>
    public PermitDraftValidation Validate(DateTimeOffset now, CountryCode? issuingAuthorityCountry = null) =>
        PermitDraftValidator.Validate(this, now, issuingAuthorityCountry);
}
