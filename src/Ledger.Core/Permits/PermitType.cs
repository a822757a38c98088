namespace Ledger.Core.Permits;

/// <summary>
/// What kind of document a permit is. The numbers are the contracts' <c>uint8</c> values;
/// never renumber.
/// </summary>
public enum PermitType : byte
{
    /// <summary>CITES export permit (Article III-V): one shipment, valid at most six months.</summary>
    CitesExport = 0,

    /// <summary>CITES import permit, issued by the importing country: one shipment, at most twelve months.</summary>
    CitesImport = 1,

    /// <summary>CITES re-export certificate: one shipment, at most six months.</summary>
    CitesReExport = 2,

    /// <summary>
    /// Other CITES certificates (pre-Convention, captive-breeding, travelling exhibition,
    /// musical instrument, ownership): may cover several shipments, at most three years.
    /// </summary>
    CitesCertificate = 3,

    /// <summary>IPPC phytosanitary certificate (ISPM 12): one consignment.</summary>
    EPhyto = 4,

    /// <summary>IPPC phytosanitary certificate for re-export (ISPM 12): one consignment.</summary>
    EPhytoReExport = 5,
}
