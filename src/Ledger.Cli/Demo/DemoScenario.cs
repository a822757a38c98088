using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Output;

namespace Ledger.Cli.Demo;

/// <summary>
/// The whole story, step by step, each officer through its own authority's gateway: CH
/// registers an export permit to FR, CH customs record the shipment, FR customs confirm the
/// arrival, a second use at another border is refused with the reason, and CH cancels another
/// permit which FR then sees as CANCELLED. Each step is printed as it happens.
/// </summary>
public sealed class DemoScenario(DemoGateways gateways, TextWriter output, DemoIdentities? identities = null)
{
    private const int StepCount = 5;
    private const string Quantity = "10";
    private readonly DemoIdentities _who = identities ?? new DemoIdentities();

    /// <summary>
    /// Runs the story. Refusals the story expects are part of the report; any other refusal
    /// by the gateway ends the demo with its <see cref="RpcException"/>.
    /// </summary>
    /// <param name="runTag">Makes permit IDs and references unique, so the demo can run again on the same chain.</param>
    /// <param name="cancellationToken">Stops the demo.</param>
    public async Task<DemoReport> RunAsync(string runTag, CancellationToken cancellationToken = default)
    {
        var report = new DemoReport();
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        var permitId = $"{_who.ExportCountry}/{year}/DEMO-{runTag}-1";
        var otherPermitId = $"{_who.ExportCountry}/{year}/DEMO-{runTag}-2";
        var reference = $"AWB-{runTag}-LX1234";

        await StepAsync(1, $"{_who.ExportCountry} registers export permit {permitId} to {_who.ImportCountry} ({Quantity} specimens, one shipment)  [{_who.ExportIssuer}]");
        report.Registered = await Permits(_who.ExportIssuer).RegisterPermitAsync(
            new RegisterPermitRequest { RequestId = NewRequestId(), Permit = Draft(permitId, runTag) },
            As(_who.ExportIssuer, cancellationToken));
        await ShowAsync(PermitViews.Registered(report.Registered.Permit, report.Registered.Receipt));

        await StepAsync(2, $"{_who.ExportCountry} customs record the shipment, air waybill {reference}  [{_who.ExportCustoms}]");
        report.Shipment = await Permits(_who.ExportCustoms).RecordShipmentAsync(
            new RecordShipmentRequest { RequestId = NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { Line(Quantity) } },
            As(_who.ExportCustoms, cancellationToken));
        await ShowAsync(PermitViews.Shipment(permitId, report.Shipment));

        await StepAsync(3, $"{_who.ImportCountry} customs confirm the arrival of {reference}  [{_who.ImportCustoms}]");
        report.Arrival = await Permits(_who.ImportCustoms).ConfirmArrivalAsync(
            new ConfirmArrivalRequest { RequestId = NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { Line(Quantity) } },
            As(_who.ImportCustoms, cancellationToken));
        await ShowAsync(PermitViews.Arrival(permitId, report.Arrival));

        await StepAsync(4, $"The same permit is presented again at another border, truck TRK-{runTag}  [{_who.ExportCustoms}]");
        try
        {
            await Permits(_who.ExportCustoms).RecordShipmentAsync(
                new RecordShipmentRequest { RequestId = NewRequestId(), PermitId = permitId, ShipmentReference = $"TRK-{runTag}", Quantities = { Line("1") } },
                As(_who.ExportCustoms, cancellationToken));
            report.Surprises.Add("step 4: the second use was accepted");
            await output.WriteLineAsync("  !! accepted: the permit was used twice");
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
        {
            report.SecondUseRefusal = refusal.Status;
            await output.WriteLineAsync("  refused, as it must be:");
            await output.WriteLineAsync("  " + ErrorReport.Line(refusal));
        }
        report.AfterUse = await Permits(_who.ImportCustoms).VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(_who.ImportCustoms, cancellationToken));
        await ShowAsync(PermitViews.Verification(report.AfterUse));
        Expect(report, report.AfterUse.Status == VerificationStatus.NotAvailable, "step 4: the used permit does not verify as NOT_AVAILABLE");

        await StepAsync(5, $"{_who.ExportCountry} registers {otherPermitId}, then cancels it; {_who.ImportCountry} customs verify it  [{_who.ExportIssuer}, {_who.ImportCustoms}]");
        await Permits(_who.ExportIssuer).RegisterPermitAsync(
            new RegisterPermitRequest { RequestId = NewRequestId(), Permit = Draft(otherPermitId, runTag + "-2") },
            As(_who.ExportIssuer, cancellationToken));
        var cancelled = await Permits(_who.ExportIssuer).CancelPermitAsync(
            new CancelPermitRequest { RequestId = NewRequestId(), PermitId = otherPermitId, Reason = CancelReason.Withdrawn },
            As(_who.ExportIssuer, cancellationToken));
        await ShowAsync(PermitViews.Cancelled(otherPermitId, CancelReason.Withdrawn, cancelled.Receipt));
        report.CancelledAsSeenByImport = await Permits(_who.ImportCustoms).VerifyPermitAsync(
            new VerifyPermitRequest { PermitId = otherPermitId }, As(_who.ImportCustoms, cancellationToken));
        await output.WriteLineAsync($"  as {_who.ImportCountry} customs see it:");
        await ShowAsync(PermitViews.Verification(report.CancelledAsSeenByImport));
        Expect(report, report.CancelledAsSeenByImport.Status == VerificationStatus.Cancelled, "step 5: the cancelled permit does not verify as CANCELLED");

        await output.WriteLineAsync();
        await output.WriteLineAsync(report.Surprises.Count == 0
            ? "demo complete: every step behaved as the ledger promises"
            : "demo FAILED: " + string.Join("; ", report.Surprises));
        return report;
    }

    private static void Expect(DemoReport report, bool condition, string surprise)
    {
        if (!condition)
            report.Surprises.Add(surprise);
    }

    private PermitDraft Draft(string permitId, string runTag)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // A stand-in for the CITES XML permit: only its SHA-256 goes on chain.
        var document = $"<CITESPermit id=\"{permitId}\" run=\"{runTag}\" species=\"Python regius\" quantity=\"{Quantity}\"/>";
        return new PermitDraft
        {
            PermitId = permitId,
            Type = PermitType.CitesExport,
            Document = ByteString.CopyFrom(Encoding.UTF8.GetBytes(document)),
            // Starts a minute back so a node clock slightly behind ours still sees it valid.
            ValidFrom = Timestamp.FromDateTimeOffset(now.AddMinutes(-1)),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddMonths(6)),
            DestinationCountry = _who.ImportCountry,
            Lines = { Line(Quantity) },
            MaxShipments = 1,
        };
    }

    private Ledger.Api.V1.PermitService.PermitServiceClient Permits(string identity) => gateways.For(identity).Permits;

    private Grpc.Core.CallOptions As(string identity, CancellationToken cancellationToken) => gateways.For(identity).Call(cancellationToken, identity);

    private static QuantityLine Line(string amount) => new() { Amount = amount };

    private static string NewRequestId() => Guid.NewGuid().ToString("N");

    private Task StepAsync(int number, string title) =>
        output.WriteLineAsync($"{Environment.NewLine}[{number}/{StepCount}] {title}");

    private Task ShowAsync(KeyValueBlock block) =>
        output.WriteAsync(string.Concat(block.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line + "\n")));
}
