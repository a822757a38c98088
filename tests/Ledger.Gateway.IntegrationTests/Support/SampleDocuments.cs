using System.Globalization;
using System.Text;
using Google.Protobuf;
using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// The project's sample documents (samples/documents) with a fresh permit number and a
/// validity around today, so that every test registers a permit new on the shared ledger.
/// Only the number and the dates are rewritten; everything else is the sample as committed.
/// </summary>
public static class SampleDocuments
{
    /// <summary>The CITES export permit CH → FR (40 alligator skins, 250 python products), valid from <paramref name="start"/> for 60 days.</summary>
    public static ByteString CitesExport(string permitId, DateOnly start) =>
        Rewrite("cites-export-CH-2026-000123.xml", ("CH/2026/000123", permitId),
            ("<ram:StartDateTime>2026-03-10</ram:StartDateTime>", $"<ram:StartDateTime>{Iso(start)}</ram:StartDateTime>"),
            ("<ram:EndDateTime>2026-09-09</ram:EndDateTime>", $"<ram:EndDateTime>{Iso(start.AddDays(59))}</ram:EndDateTime>"));

    /// <summary>The ePhyto FR → CH (1250 kg of apple plants, 36 boxes of tulip bulbs), issued at <paramref name="issued"/> (whole seconds, UTC).</summary>
    public static ByteString EPhyto(string certificateId, DateTimeOffset issued) =>
        Rewrite("ephyto-FR-EPH-2026-0042.xml", ("FR-EPH-2026-0042", certificateId),
            ("20260312143000", issued.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)));

    /// <summary>Today's date in UTC.</summary>
    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ByteString Rewrite(string file, params (string From, string To)[] changes)
    {
        var text = File.ReadAllText(Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", file));
        foreach (var (from, to) in changes)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
                throw new InvalidOperationException($"{file} no longer contains '{from}'; update {nameof(SampleDocuments)}.");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return ByteString.CopyFrom(Encoding.UTF8.GetBytes(text));
    }
}
