using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Verification;

namespace Ledger.Core.Tests.Verification;

/// <summary>An active, unused, single-shipment export permit valid from 2026-03-01 until 2026-06-01.</summary>
internal static class AnchoredPermits
{
    public static readonly PermitId Id = PermitId.Parse("CH/2026/000123");
    public static readonly DateTimeOffset ValidFrom = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidUntil = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset During = new(2026, 4, 15, 8, 30, 0, TimeSpan.Zero);
    public static readonly DocumentHash Hash = DocumentHash.Compute("<permit/>"u8);

    public static AnchoredPermit Active() => new()
    {
        IssuerAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        IssuerCountry = CountryCode.Parse("CH"),
        IssuerStatus = AuthorityStatus.Active,
        Type = PermitType.CitesExport,
        Validity = ValidityWindow.FromChain((ulong)ValidFrom.ToUnixTimeSeconds(), (ulong)ValidUntil.ToUnixTimeSeconds()),
        Destination = CountryCode.Parse("DE"),
        Lines = [new QuantityLine(5, 0), new QuantityLine(10, 4)],
        ShipmentsUsed = 0,
        MaxShipments = 1,
        DocumentHash = Hash,
    };
}
