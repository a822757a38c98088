namespace Ledger.Gateway.Identity;

/// <summary>What an official may do through the gateway on behalf of their authority.</summary>
public enum CallerRole
{
    /// <summary>Verify permits and read history and authorities; no writes.</summary>
    ReadOnly,

    /// <summary>Register, cancel and replace permits, vote on issuers and designate agencies.</summary>
    IssuingOfficer,

    /// <summary>Record shipments (export side) and confirm arrivals (import side).</summary>
    CustomsOfficer,
}
