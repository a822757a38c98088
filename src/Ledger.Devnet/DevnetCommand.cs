using System.CommandLine;
using Grpc.Core;
using Ledger.Cli.Connection;
using Ledger.Cli.Demo;
using Ledger.Cli.Output;
using Ledger.Devnet.Hosting;

namespace Ledger.Devnet;

/// <summary>
/// `Ledger.Devnet [--port N] [--no-redis] [--once] [--state DIR]`: starts the devnet and
/// runs until Ctrl-C, or with --once runs the demo against it and stops.
/// </summary>
public static class DevnetCommand
{
    /// <summary>Builds the command.</summary>
    public static RootCommand Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "Gateway port on 127.0.0.1 (0 = any free port)",
            DefaultValueFactory = _ => DevnetOptions.DefaultGatewayPort,
        };
        var noRedis = new Option<bool>("--no-redis") { Description = "Run the gateway on in-memory stores instead of a redis-server" };
        var once = new Option<bool>("--once") { Description = "Start, run the demo, print it, stop (exit code 1 if a step fails)" };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for keystores, deployment record and checkpoints (default .devnet/)" };
        var command = new RootCommand("Permit Ledger devnet: anvil + contracts + demo authorities + gateway, on this machine only")
        {
            port, noRedis, once, state,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
                result.AddError("--port must be 0..65535.");
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
    /// Starts the devnet; with <paramref name="once"/> runs the demo and returns its exit
    /// code, otherwise waits for Ctrl-C (the cancellation) and returns 0. Everything is
    /// stopped before returning.
    /// </summary>
    public static async Task<int> RunAsync(DevnetOptions options, bool once, TextWriter output, CancellationToken cancellationToken)
    {
        await using var devnet = await RunningDevnet.StartAsync(options, output, cancellationToken);
        await output.WriteLineAsync(HowToTry.Text(devnet));
        if (once)
            return await RunDemoAsync(devnet, output, cancellationToken);
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

    /// <summary>Runs `ledger demo` in-process against the devnet's gateway; 0 when every step behaved.</summary>
    public static async Task<int> RunDemoAsync(RunningDevnet devnet, TextWriter output, CancellationToken cancellationToken)
    {
        using var gateway = GatewayClientFactory.Create(new GatewaySettings(devnet.GatewayAddress));
        var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var report = await new DemoScenario(gateway, output).RunAsync(runTag, cancellationToken);
            return report.Surprises.Count == 0 ? 0 : 1;
        }
        catch (RpcException e)
        {
            await output.WriteLineAsync(ErrorReport.Line(e));
            return ErrorReport.CallFailed;
        }
    }
}
