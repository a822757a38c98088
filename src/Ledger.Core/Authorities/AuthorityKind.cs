namespace Ledger.Core.Authorities;

/// <summary>
/// The role of an authority account on the ledger. The numbers are the contracts'
/// <c>uint8</c> values; never renumber.
/// </summary>
public enum AuthorityKind : byte
{
    /// <summary>Not an authority (the contracts' default for an unknown address).</summary>
    None = 0,

    /// <summary>Issues permits: a CITES Management Authority or a plant-protection NPPO.</summary>
    Issuer = 1,

    /// <summary>Border control: records shipments and confirms quantities.</summary>
    Customs = 2,

    /// <summary>CITES Scientific Authority: advises, reads.</summary>
    ScientificAuthority = 3,

    /// <summary>A national single-window operator acting for border agencies.</summary>
    SingleWindow = 4,

    /// <summary>The CITES or IPPC Secretariat: governance, no permits.</summary>
    Secretariat = 5,
}
