namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>PermitType</c>: the kind of document a permit is.</summary>
public enum PermitType : byte
{
    /// <summary>CITES export permit.</summary>
    CitesExport = 0,

    /// <summary>CITES import permit.</summary>
    CitesImport = 1,

    /// <summary>CITES re-export certificate.</summary>
    CitesReExport = 2,

    /// <summary>Other CITES certificates; the only type that may allow unlimited shipments (maxShipments 0).</summary>
    CitesCertificate = 3,

    /// <summary>IPPC phytosanitary certificate.</summary>
    EPhyto = 4,

    /// <summary>IPPC phytosanitary certificate for re-export.</summary>
    EPhytoReExport = 5,
}
