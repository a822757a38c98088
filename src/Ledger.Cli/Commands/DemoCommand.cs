using System.CommandLine;
using Ledger.Cli.Demo;

namespace Ledger.Cli.Commands;

/// <summary>`ledger demo`: walks the whole story against a devnet gateway; exits 1 when a step surprises.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Walk the whole story against a devnet gateway (register, ship, confirm, refuse reuse, cancel)");
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var report = await new DemoScenario(call.Gateway, call.Out).RunAsync(runTag, cancellationToken);
            return report.Surprises.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
