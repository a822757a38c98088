using Ledger.Core.Authorities;
using Ledger.Core.Permits;
using Ledger.Core.Verification;

namespace Ledger.Core.Tests;

/// <summary>
/// The enum numbers are shared with the Solidity contracts and stored on chain forever.
/// These tables pin them, so a renumbering or an unnoticed addition fails here.
/// </summary>
public class NumericConventionsTests
{
    [Fact]
    public void Authority_kinds() => AssertValues<AuthorityKind>(
        (0, "None"), (1, "Issuer"), (2, "Customs"), (3, "ScientificAuthority"), (4, "SingleWindow"), (5, "Secretariat"));

    [Fact]
    public void Authority_statuses() => AssertValues<AuthorityStatus>((0, "None"), (1, "Active"), (2, "Suspended"));

    [Fact]
    public void Permit_types() => AssertValues<PermitType>(
        (0, "CitesExport"), (1, "CitesImport"), (2, "CitesReExport"), (3, "CitesCertificate"), (4, "EPhyto"), (5, "EPhytoReExport"));

    [Fact]
    public void Verification_statuses() => AssertValues<VerificationStatus>((0, "NotAvailable"), (1, "Valid"), (2, "Cancelled"));

    [Fact]
    public void Verification_reasons() => AssertValues<VerificationReason>(
        (0, "None"), (1, "Unknown"), (2, "Expired"), (3, "NotYetValid"), (4, "Exhausted"), (5, "Replaced"), (6, "IssuerSuspended"), (7, "Cancelled"),
        (8, "IssuerNotOfPermitCountry"));

    [Fact]
    public void Cancel_reasons_are_nonzero() => AssertValues<CancelReason>(
        (1, "IssuedInError"), (2, "Withdrawn"), (3, "Fraud"), (4, "SpecimenLost"), (5, "Replaced"), (255, "Other"));

    private static void AssertValues<TEnum>(params (int Value, string Name)[] expected)
        where TEnum : struct, Enum
    {
        var actual = Enum.GetValues<TEnum>().Select(v => (Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v.ToString())).ToArray();
        Assert.Equal(expected, actual);
    }
}
