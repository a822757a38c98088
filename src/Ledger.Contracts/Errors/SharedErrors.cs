// Generated from src/Ledger.Contracts/Artifacts/*.json by ErrorRecordGenerator
// (tests/Ledger.Contracts.Tests/Generation). Do not edit. After scripts/export-artifacts.sh, run
//   LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts

using Ledger.Core.Primitives;

namespace Ledger.Contracts.Errors;

// Errors both contracts raise: authorisation checks and country validation.

/// <summary><c>account</c> is unknown (status None) or suspended. Solidity: <c>AuthorityNotActive(address,uint8)</c>.</summary>
/// <param name="Account">The acting account.</param>
/// <param name="Status">Its current status.</param>
public sealed record AuthorityNotActive(Address Account, AuthorityStatus Status)
    : ContractError("AuthorityNotActive(address,uint8)");

/// <summary>The code is not two ASCII letters A-Z. Solidity: <c>InvalidCountry(bytes2)</c>.</summary>
/// <param name="Country">The rejected code.</param>
public sealed record InvalidCountry(CountryBytes Country)
    : ContractError("InvalidCountry(bytes2)");

/// <summary><c>account</c> is an authority of the wrong kind for this action. Solidity: <c>WrongAuthorityKind(address,uint8,uint8)</c>.</summary>
/// <param name="Account">The acting account.</param>
/// <param name="Actual">Its kind.</param>
/// <param name="Required">The kind the action needs.</param>
public sealed record WrongAuthorityKind(Address Account, AuthorityKind Actual, AuthorityKind Required)
    : ContractError("WrongAuthorityKind(address,uint8,uint8)");

/// <summary><c>account</c> belongs to another country than the action needs. Solidity: <c>WrongCountry(address,bytes2,bytes2)</c>.</summary>
/// <param name="Account">The acting account.</param>
/// <param name="Actual">Its country.</param>
/// <param name="Required">The country the action needs.</param>
public sealed record WrongCountry(Address Account, CountryBytes Actual, CountryBytes Required)
    : ContractError("WrongCountry(address,bytes2,bytes2)");
