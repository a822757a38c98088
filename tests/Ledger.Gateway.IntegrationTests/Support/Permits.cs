using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>Fresh permit drafts and requests for the tests: every ID is new on the ledger.</summary>
public static class Permits
{
    private static int _sequence = RandomNumberGenerator.GetInt32(100_000, 400_000);

    /// <summary>A new permit ID of <paramref name="country"/>, e.g. CH/2026/123456.</summary>
    public static string NewId(string country = "CH") => $"{country}/2026/{Interlocked.Increment(ref _sequence):D6}";

    /// <summary>A new request ID.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>A valid CITES export permit from CH to FR, one shipment, with the given line amounts.</summary>
    public static PermitDraft ExportDraft(string permitId, params ulong[] lines)
    {
        var now = DateTimeOffset.UtcNow;
        var draft = new PermitDraft
        {
            PermitId = permitId,
            Type = PermitType.CitesExport,
            Document = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(256)),
            ValidFrom = Timestamp.FromDateTimeOffset(TruncateToSecond(now.AddHours(-1))),
            ValidUntil = Timestamp.FromDateTimeOffset(TruncateToSecond(now.AddDays(30))),
            DestinationCountry = "FR",
            MaxShipments = 1,
        };
        foreach (var amount in lines.Length == 0 ? [10UL, 5UL] : lines)
            draft.Lines.Add(new QuantityLine { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return draft;
    }

    /// <summary>A registration request for <paramref name="draft"/> with a new request ID.</summary>
    public static RegisterPermitRequest Register(PermitDraft draft) => new() { RequestId = NewRequestId(), Permit = draft };

    /// <summary>Quantity lines from amounts.</summary>
    public static IEnumerable<QuantityLine> Lines(params string[] amounts) => amounts.Select(a => new QuantityLine { Amount = a });

    private static DateTimeOffset TruncateToSecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
