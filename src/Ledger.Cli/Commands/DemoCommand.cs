using System.CommandLine;
using Ledger.Cli.Demo;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger demo [--gateways FILE]`: walks the whole story on a devnet, each officer through its
/// own authority's gateway as listed in the devnet's gateways.json (default .devnet/gateways.json
/// when it exists), else everyone through --gateway. Exits 1 when a step surprises.
/// </summary>
public static class DemoCommand
{
    /// <summary>The gateway list a running devnet writes, relative to the working directory.</summary>
    public const string DefaultGatewayList = ".devnet/gateways.json";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var list = new Option<FileInfo?>("--gateways") { Description = $"Identity → gateway list written by the devnet (default {DefaultGatewayList} when present)" };
        var command = new Command("demo", "Walk the whole story on a devnet (register, ship, confirm, refuse reuse, cancel), each officer at its own gateway") { list };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var path = call.Parse.GetValue(list)?.FullName ?? (File.Exists(DefaultGatewayList) ? DefaultGatewayList : null);
            using var gateways = path is null
                ? DemoGateways.Single(call.Gateway)
                : DemoGateways.PerIdentity(DemoGateways.ReadList(path), call.Gateway.Settings);
            var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var report = await new DemoScenario(gateways, call.Out).RunAsync(runTag, cancellationToken);
            return report.Surprises.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
