namespace Ledger.Contracts;

/// <summary>The Solidity enum <c>ProposalAction</c>: what a governance proposal does once carried.</summary>
public enum ProposalAction : byte
{
    /// <summary>No such proposal.</summary>
    None = 0,

    /// <summary>Admit a new issuer.</summary>
    AdmitIssuer = 1,

    /// <summary>Admit a secretariat.</summary>
    AdmitSecretariat = 2,

    /// <summary>Suspend an issuer or secretariat.</summary>
    Suspend = 3,

    /// <summary>Reinstate a suspended issuer or secretariat.</summary>
    Reinstate = 4,
}
