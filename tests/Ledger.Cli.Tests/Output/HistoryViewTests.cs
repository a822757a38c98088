using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Cli.Output;

namespace Ledger.Cli.Tests.Output;

public class HistoryViewTests
{
    [Fact]
    public void A_registration_known_only_by_its_event_shows_no_invented_fields()
    {
        var entry = new PermitHistoryEntry { Registration = new RegistrationDetails { DocumentHash = "0xab" }, TxHash = "0x01" };

        var text = HistoryView.Entry(entry).ToString();

        Assert.Contains("document hash: 0xab", text);
        Assert.DoesNotContain("type", text);
        Assert.DoesNotContain("valid", text);
        Assert.DoesNotContain("unlimited", text);
    }

    [Fact]
    public void A_full_registration_shows_its_anchored_fields()
    {
        var registration = new RegistrationDetails
        {
            DocumentHash = "0xab",
            Type = PermitType.CitesCertificate,
            ValidFrom = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)),
            ValidUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            MaxShipments = 0,
        };

        var text = HistoryView.Entry(new PermitHistoryEntry { Registration = registration }).ToString();

        Assert.Contains("max shipments: unlimited", text);
        Assert.Contains("valid:", text);
        Assert.Contains("2026-06-01", text);
    }
}
