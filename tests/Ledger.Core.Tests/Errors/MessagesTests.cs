using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Shipments;
using Ledger.Core.Verification;

namespace Ledger.Core.Tests.Errors;

public class MessagesTests
{
    private static readonly PermitId Id = PermitId.Parse("CH/2026/000123");
    private static readonly ShipmentReference Awb = ShipmentReference.Parse("176-12345675");

    [Fact]
    public void Line_exceeded_numbers_lines_from_one()
    {
        var error = Messages.LineExceeded(Id, line: 1, remaining: 3, requested: 5);
        Assert.Equal(LedgerErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("CH/2026/000123: line 2 has 3 left, 5 requested", error.Message);
    }

    [Fact]
    public void Large_quantities_are_printed_in_full() =>
        Assert.Contains("has 79228162514264337593543950335 left", Messages.LineExceeded(Id, 0, Quantities.MaxAmount, 1).Message);

    [Fact]
    public void Arrival_and_export_mismatches_name_line_shipment_and_amounts()
    {
        Assert.Equal(
            "CH/2026/000123: line 3 of shipment 176-12345675: 7 confirmed as arrived but only 4 exported; confirm at most the exported quantity and report the difference to the issuing authority",
            Messages.ArrivalExceedsExport(Id, Awb, 2, 7, 4).Message);
        Assert.StartsWith("CH/2026/000123: line 1 of shipment 176-12345675: 2 recorded as exported but 3 already confirmed", Messages.ExportBelowArrival(Id, Awb, 0, 2, 3).Message);
    }

    [Fact]
    public void Each_contract_error_maps_to_the_documented_kind()
    {
        var de = CountryCode.Parse("DE");
        var account = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        var expected = new (LedgerError Error, LedgerErrorKind Kind)[]
        {
            (Messages.ShipmentLimitReached(Id, 1, 1), LedgerErrorKind.FailedPrecondition),
            (Messages.ShipmentConflict(Id, Awb), LedgerErrorKind.AlreadyExists),
            (Messages.LineCountMismatch(Id, 2, 3), LedgerErrorKind.InvalidArgument),
            (Messages.EmptyShipment(Id, Awb), LedgerErrorKind.InvalidArgument),
            (Messages.PermitNotUsable(Id, VerificationReason.Expired), LedgerErrorKind.FailedPrecondition),
            (Messages.PermitUnknown(Id), LedgerErrorKind.FailedPrecondition),
            (Messages.PermitAlreadyRegistered(Id), LedgerErrorKind.AlreadyExists),
            (Messages.PermitAlreadyClosed(Id, replaced: true), LedgerErrorKind.FailedPrecondition),
            (Messages.NoDestination(Id), LedgerErrorKind.FailedPrecondition),
            (Messages.NotIssuingCountry(Id, de), LedgerErrorKind.PermissionDenied),
            (Messages.WrongCustomsCountry(Id, CountryCode.Parse("FR"), de, importSide: true), LedgerErrorKind.PermissionDenied),
            (Messages.UnknownAuthority(account), LedgerErrorKind.PermissionDenied),
            (Messages.AuthorityNotActive(account, AuthorityStatus.Suspended), LedgerErrorKind.PermissionDenied),
            (Messages.WrongAuthorityKind(account, AuthorityKind.Customs, AuthorityKind.Issuer), LedgerErrorKind.PermissionDenied),
            (Messages.NodeUnavailable(), LedgerErrorKind.Unavailable),
        };
        foreach (var (error, kind) in expected)
        {
            Assert.Equal(kind, error.Kind);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
        // Messages about a permit start with its ID, so an officer handling many knows which one.
        Assert.All(expected.Take(11), pair => Assert.StartsWith("CH/2026/000123: ", pair.Error.Message));
    }

    [Fact]
    public void Messages_say_who_may_act_instead()
    {
        Assert.Equal(
            "CH/2026/000123: only customs of FR may confirm arrivals against it; your authority is in DE",
            Messages.WrongCustomsCountry(Id, CountryCode.Parse("FR"), CountryCode.Parse("DE"), importSide: true).Message);
        Assert.Contains("only an issuing authority of CH may cancel or replace it", Messages.NotIssuingCountry(Id, CountryCode.Parse("DE")).Message);
        Assert.Contains("registered as customs, but this needs issuing authority", Messages.WrongAuthorityKind("0x1", AuthorityKind.Customs, AuthorityKind.Issuer).Message);
    }

    [Fact]
    public void Permit_not_usable_uses_the_reason_text_and_unknown_is_not_not_found()
    {
        Assert.Equal("CH/2026/000123: expired, so no shipment can be recorded; verify the permit for details", Messages.PermitNotUsable(Id, VerificationReason.Expired).Message);
        Assert.Equal(Messages.PermitUnknown(Id).Message, Messages.PermitNotUsable(Id, VerificationReason.Unknown).Message);
        Assert.NotEqual(LedgerErrorKind.NotFound, Messages.PermitUnknown(Id).Kind);
    }
}
