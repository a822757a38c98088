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

    [Fact]
    public async Task The_ledger_command_runs_the_demo_and_verifies_through_the_devnet_gateway()
    {
        var gateway = fixture.Devnet.GatewayAddress.ToString();

        var (demoCode, demoOutput, demoError) = await RunLedgerAsync("--gateway", gateway, "demo");
        var (verifyCode, verifyOutput, _) = await RunLedgerAsync("--gateway", gateway, "--identity", "readonly", "permit", "verify", "CH/2026/NOPE-1");
        var (deniedCode, _, deniedError) = await RunLedgerAsync("--gateway", gateway, "--identity", "readonly", "permit", "cancel", "CH/2026/NOPE-1", "--reason", "fraud");

        Assert.True(demoCode == 0, demoOutput + demoError);
        Assert.Contains("refused, as it must be:", demoOutput);
        Assert.Contains("demo complete", demoOutput);
        Assert.Equal(0, verifyCode);
        Assert.Contains(verifyOutput.Split('\n'), line => line.StartsWith("status:", StringComparison.Ordinal) && line.EndsWith("NOT_AVAILABLE (unknown permit)", StringComparison.Ordinal));
        Assert.Equal(1, deniedCode);
        Assert.StartsWith("error: PERMISSION_DENIED: ", deniedError);
    }

    private static async Task<(int Code, string Output, string Error)> RunLedgerAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LedgerCommandLine.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
