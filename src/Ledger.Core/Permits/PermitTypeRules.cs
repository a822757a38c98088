namespace Ledger.Core.Permits;

/// <summary>
/// What each <see cref="PermitType"/> allows, from the CITES and IPPC texts. Used by draft
/// validation; exposed so user interfaces can explain the rules before submission.
/// </summary>
/// <remarks>
/// Validity limits follow CITES Resolution Conf. 12.3: export permits and re-export
/// certificates six months, import permits twelve months, other certificates (travelling
/// exhibition, musical instrument, ownership) three years. ISPM 12 sets no validity for a
/// phytosanitary certificate; twelve months is a generous bound that still catches typing
/// errors in the year. Every limit allows <see cref="TimeZoneSlack"/> on top, because an
/// authority computes "six months" in its local time and the ledger stores UTC.
/// </remarks>
public static class PermitTypeRules
{
    /// <summary>Extra time allowed beyond a type's validity limit, for time-zone differences.</summary>
    public static TimeSpan TimeZoneSlack { get; } = TimeSpan.FromDays(1);

    /// <summary>True when the value is one of the defined types.</summary>
    public static bool IsDefined(PermitType type) => Enum.IsDefined(type);

    /// <summary>Longest validity in calendar months.</summary>
    public static int MaxValidityMonths(PermitType type) => type switch
    {
        PermitType.CitesExport or PermitType.CitesReExport => 6,
        PermitType.CitesImport => 12,
        PermitType.CitesCertificate => 36,
        PermitType.EPhyto or PermitType.EPhytoReExport => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Undefined permit type."),
    };

    /// <summary>The latest <c>validUntil</c> a permit of <paramref name="type"/> valid from <paramref name="validFrom"/> may have.</summary>
    public static DateTimeOffset LatestValidUntil(PermitType type, DateTimeOffset validFrom)
    {
        var months = MaxValidityMonths(type);
        // Near the end of the calendar the limit lies beyond the last representable moment.
        var lastStartWithinCalendar = DateTime.MaxValue.AddMonths(-months) - TimeZoneSlack;
        return validFrom.UtcDateTime > lastStartWithinCalendar
            ? DateTimeOffset.MaxValue
            : new DateTimeOffset(validFrom.UtcDateTime.AddMonths(months) + TimeZoneSlack, TimeSpan.Zero);
    }

    /// <summary>
    /// True when the permit covers exactly one shipment: every CITES permit (Res. Conf. 12.3:
    /// a permit may be used for one shipment only) and every phytosanitary certificate (one
    /// consignment). Only other CITES certificates may cover several, or any number (0).
    /// </summary>
    public static bool IsSingleShipment(PermitType type) => type != PermitType.CitesCertificate;

    /// <summary>
    /// True when the permit must name the other country of the trade: export and re-export
    /// documents are addressed to a country of import, and the ledger lets only the customs
    /// of the issuing and that country record shipments against the permit.
    /// </summary>
    public static bool RequiresDestination(PermitType type) => type is PermitType.CitesExport
        or PermitType.CitesReExport or PermitType.EPhyto or PermitType.EPhytoReExport;

    /// <summary>A name for people, e.g. "CITES export permit".</summary>
    public static string Describe(PermitType type) => type switch
    {
        PermitType.CitesExport => "CITES export permit",
        PermitType.CitesImport => "CITES import permit",
        PermitType.CitesReExport => "CITES re-export certificate",
        PermitType.CitesCertificate => "CITES certificate",
        PermitType.EPhyto => "phytosanitary certificate",
        PermitType.EPhytoReExport => "phytosanitary certificate for re-export",
        _ => $"permit type {(byte)type}",
    };
}
