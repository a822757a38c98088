using System.Globalization;
using System.Text;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Testing;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>Permits for the browser tests, each with a number of its own.</summary>
public static class TestPermits
{
    private const string SampleId = "CH/2026/000123";

    /// <summary>A fresh CH permit number.</summary>
    public static string NewId(string prefix) =>
        $"CH/{DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture)}/{prefix}{Guid.NewGuid():N}"[..28].ToUpperInvariant();

    /// <summary>
    /// samples/documents/cites-export-CH-2026-000123.xml with another number and a validity of
    /// today to six months from now (the sample's own window is over), everything else as it is:
    /// a Swiss export permit to France, lines of 40 and 250.
    /// </summary>
    public static byte[] CitesXml(string permitId, DateOnly from, DateOnly until)
    {
        var path = Path.Combine(ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml");
        var text = File.ReadAllText(path)
            .Replace($"<ram:ID>{SampleId}</ram:ID>", $"<ram:ID>{permitId}</ram:ID>", StringComparison.Ordinal)
            .Replace("<ram:StartDateTime>2026-03-10</ram:StartDateTime>", $"<ram:StartDateTime>{from:yyyy-MM-dd}</ram:StartDateTime>", StringComparison.Ordinal)
            .Replace("<ram:EndDateTime>2026-09-09</ram:EndDateTime>", $"<ram:EndDateTime>{until:yyyy-MM-dd}</ram:EndDateTime>", StringComparison.Ordinal);
        if (!text.Contains(permitId, StringComparison.Ordinal) || !text.Contains($"{from:yyyy-MM-dd}", StringComparison.Ordinal))
            throw new InvalidOperationException($"{path} no longer has the number or dates this helper replaces.");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A one-shipment CH export permit to FR, lines of 10 and 5, valid from now for a day (registered through the API, not the console).</summary>
    public static PermitDraft Draft(string permitId)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var draft = new PermitDraft
        {
            PermitId = permitId,
            Type = PermitType.CitesExport,
            Document = Google.Protobuf.ByteString.CopyFromUtf8("browser test permit " + permitId),
            ValidFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddMinutes(-5)),
            ValidUntil = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddDays(1)),
            DestinationCountry = "FR",
            MaxShipments = 1,
        };
        draft.Lines.Add(new QuantityLine { Amount = "10" });
        draft.Lines.Add(new QuantityLine { Amount = "5" });
        return draft;
    }

    /// <summary>Registers <see cref="Draft"/>(<paramref name="permitId"/>) through <paramref name="ch"/>, CH's gateway, as ch-issuer.</summary>
    public static async Task RegisterAsync(GatewayClients ch, string permitId)
    {
        ArgumentNullException.ThrowIfNull(ch);
        await ch.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = Draft(permitId) },
            ch.Call(default, "ch-issuer"));
    }
}
