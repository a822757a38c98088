namespace Ledger.Core.Permits;

/// <summary>
/// Why an issuing authority cancelled a permit. Stored on chain as a nonzero <c>uint8</c>
/// (zero means "not cancelled"); the numbers are fixed, never renumber. Values not listed
/// here may appear on chain from newer software; <see cref="CancelReasonTexts"/> copes.
/// </summary>
public enum CancelReason : byte
{
    /// <summary>The permit should never have been issued (wrong data, wrong applicant).</summary>
    IssuedInError = 1,

    /// <summary>The authority withdrew the permit, e.g. at the holder's request or because conditions changed.</summary>
    Withdrawn = 2,

    /// <summary>The permit was obtained by fraud or is being misused.</summary>
    Fraud = 3,

    /// <summary>The specimens were lost, died or were destroyed before shipment.</summary>
    SpecimenLost = 4,

    /// <summary>Superseded by a replacement permit (recorded with the replacement link).</summary>
    Replaced = 5,

    /// <summary>Any other reason; the authority's records hold the details.</summary>
    Other = 255,
}
