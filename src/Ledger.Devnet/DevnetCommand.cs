using System.CommandLine;
using Grpc.Core;
using Ledger.Cli.Conformance;
using Ledger.Cli.Connection;
using Ledger.Cli.Demo;
using Ledger.Cli.Output;
using Ledger.Devnet.Chain;
using Ledger.Devnet.Hosting;

namespace Ledger.Devnet;

/// <summary>
/// `Ledger.Devnet [--port N] [--no-redis] [--once] [--state DIR]`: starts the devnet (one gateway
/// per authority) and runs until Ctrl-C, or with --once runs the demo through each officer's own
/// gateway, admits one more issuer by vote, runs the conformance checks against every gateway,
/// and stops.
/// </summary>
public static class DevnetCommand
{
    /// <summary>Builds the command.</summary>
    public static RootCommand Create()
    {
        var port = new Option<int?>("--port") { Description = "Gateway ports: omitted, as chain-config/network.json says; 0, any free ports; N, N+1, N+2, ..." };
        var noRedis = new Option<bool>("--no-redis") { Description = "Run the gateways on in-memory stores instead of a redis-server" };
        var once = new Option<bool>("--once") { Description = "Start, run the demo, the admission vote and the conformance checks, print them, stop (exit 1 if a step fails)" };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for checkpoints, joined newcomers and the gateway list (default .devnet/)" };
        var command = new RootCommand("Permit Ledger devnet: the sample network from chain-config/ on this machine, one gateway per authority")
        {
            port, noRedis, once, state,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65000)
                result.AddError("--port must be 0..65000.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = new DevnetOptions(parse.GetValue(port), !parse.GetValue(noRedis), parse.GetValue(state)?.FullName);
            return await RunAsync(options, parse.GetValue(once), output, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Starts the devnet; with <paramref name="once"/> runs the whole story and returns its exit
    /// code, otherwise waits for Ctrl-C (the cancellation) and returns 0. Everything is stopped
    /// before returning.
    /// </summary>
    public static async Task<int> RunAsync(DevnetOptions options, bool once, TextWriter output, CancellationToken cancellationToken)
    {
        await using var devnet = await RunningDevnet.StartAsync(options, output, cancellationToken);
        await output.WriteLineAsync(HowToTry.Text(devnet));
        if (once)
            return await RunStoryAsync(devnet, output, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("stopping the devnet");
        }
        return 0;
    }

    /// <summary>The demo, the admission and the conformance run; 0 when every step behaved.</summary>
    public static async Task<int> RunStoryAsync(RunningDevnet devnet, TextWriter output, CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            failures += await RunDemoAsync(devnet, output, cancellationToken);
            await output.WriteLineAsync();
            await output.WriteLineAsync("[admission] a new issuer joins by vote, with its validator node");
            using (var admission = new DevnetAdmission(devnet, output))
                failures += (await admission.RunAsync(cancellationToken)).Admitted ? 0 : 1;
            foreach (var authority in devnet.Authorities.Where(a => a.CustomsIdentity is not null))
            {
                await output.WriteLineAsync();
                failures += await RunConformanceAsync(devnet, authority, output, cancellationToken);
            }
        }
        catch (RpcException e)
        {
            await output.WriteLineAsync(ErrorReport.Line(e));
            return ErrorReport.CallFailed;
        }
        await output.WriteLineAsync(failures == 0 ? "devnet story complete: every step behaved" : $"devnet story FAILED: {failures} part(s) misbehaved");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs `ledger demo` in-process, each officer through its own gateway; 0 when every step behaved.</summary>
    public static async Task<int> RunDemoAsync(RunningDevnet devnet, TextWriter output, CancellationToken cancellationToken)
    {
        using var gateways = DemoGateways.PerIdentity(
            DemoGateways.ReadList(devnet.GatewayListFile), new GatewaySettings(devnet.Gateways.Values.First()));
        var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var report = await new DemoScenario(gateways, output).RunAsync(runTag, cancellationToken);
        return report.Surprises.Count;
    }

    private static async Task<int> RunConformanceAsync(RunningDevnet devnet, DevnetAuthority authority, TextWriter output, CancellationToken cancellationToken)
    {
        var address = devnet.Gateways[authority.Id];
        using var issuer = GatewayClientFactory.Create(new GatewaySettings(address, authority.IssuerIdentity));
        using var customs = GatewayClientFactory.Create(new GatewaySettings(address, authority.CustomsIdentity));
        // The destination's customs act at the destination's own gateway (the import side), as they would at the border.
        var destination = devnet.Authorities.First(other => other.Country != authority.Country && other.CustomsIdentity is not null);
        using var destinationCustoms = GatewayClientFactory.Create(new GatewaySettings(devnet.Gateways[destination.Id], destination.CustomsIdentity));
        var runTag = $"{authority.Id}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var context = new ConformanceContext(issuer, customs, authority.Country, destination.Country, runTag, destinationCustoms);
        var results = await ConformanceRun.RunAsync(context, output, cancellationToken);
        return results.Count(result => result.Outcome == ConformanceOutcome.Failed);
    }
}
