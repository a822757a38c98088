namespace Ledger.Core.Documents;

/// <summary>The permit document vocabularies the ledger reads.</summary>
public enum PermitDocumentFormat
{
    /// <summary>CITES ePermit XML (root <c>CITESEPermit</c>, built on UN/CEFACT components).</summary>
    CitesEPermit = 1,

    /// <summary>IPPC ePhyto: the UN/CEFACT SPS certificate (root <c>SPSCertificate</c>).</summary>
    EPhyto = 2,
}
