namespace Ledger.Contracts;

/// <summary>
/// The Solidity enum <c>AuthorityKind</c>: what an authority account is. Values are the
/// contract's <c>uint8</c> numbers, a fixed convention (Ledger.Core has the same numbers; the
/// gateway maps between the two).
/// </summary>
public enum AuthorityKind : byte
{
    /// <summary>Not an authority.</summary>
    None = 0,

    /// <summary>CITES Management Authority or plant-protection NPPO: issues permits, votes on governance.</summary>
    Issuer = 1,

    /// <summary>Border control: records and confirms shipments.</summary>
    Customs = 2,

    /// <summary>CITES Scientific Authority.</summary>
    ScientificAuthority = 3,

    /// <summary>National single-window operator.</summary>
    SingleWindow = 4,

    /// <summary>Governance body (CITES / IPPC secretariat), admitted by vote; no write powers.</summary>
    Secretariat = 5,
}
