namespace Ledger.Contracts.Permits;

/// <summary>What <c>shipmentOf(key, shipmentRef)</c> returns: what each border side recorded for one shipment.</summary>
/// <param name="ExportRecorded">True when export-side customs recorded it.</param>
/// <param name="ImportRecorded">True when import-side customs confirmed it.</param>
/// <param name="Exported">Exported amount per line (zeros when not recorded).</param>
/// <param name="Imported">Confirmed amount per line (zeros when not recorded).</param>
public sealed record ShipmentView(bool ExportRecorded, bool ImportRecorded, IReadOnlyList<UInt128> Exported, IReadOnlyList<UInt128> Imported);
