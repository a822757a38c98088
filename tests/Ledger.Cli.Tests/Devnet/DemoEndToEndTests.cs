using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Demo;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>`ledger demo` against a real devnet: each step's outcome as the gateway answered it.</summary>
public class DemoEndToEndTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    [Fact]
    public async Task The_demo_story_holds_step_by_step()
    {
        using var gateway = GatewayClientFactory.Create(new GatewaySettings(fixture.Devnet.GatewayAddress));
        var output = new StringWriter();

        var report = await new DemoScenario(gateway, output).RunAsync(Guid.NewGuid().ToString("N")[..8]);

        Assert.Empty(report.Surprises);
        Assert.False(report.Registered!.Receipt.Replayed);
        Assert.Equal(["10"], report.Shipment!.Lines.Select(l => l.Used));
        Assert.Equal(1u, report.Shipment.ShipmentsUsed);
        Assert.False(report.Arrival!.ConsumedPermit);
        Assert.Equal(StatusCode.FailedPrecondition, report.SecondUseRefusal!.Value.StatusCode);
        Assert.Equal(VerificationStatus.NotAvailable, report.AfterUse!.Status);
        Assert.Equal(VerificationReason.Exhausted, report.AfterUse.Reason);
        Assert.Equal(VerificationStatus.Cancelled, report.CancelledAsSeenByImport!.Status);
        Assert.Equal(VerificationReason.Cancelled, report.CancelledAsSeenByImport.Reason);
        Assert.Contains("[5/5]", output.ToString());
        Assert.Contains("demo complete", output.ToString());
    }
}
