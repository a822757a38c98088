using System.CommandLine;
using Grpc.Core;
using Ledger.Cli.Connection;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>What a command does once parsed: talk to the gateway and print to <see cref="Out"/>.</summary>
/// <param name="Parse">The parsed command line.</param>
/// <param name="Gateway">Clients of the gateway named by the shared options.</param>
/// <param name="Out">Where results go (standard output, or a test's writer).</param>
public sealed record GatewayCall(ParseResult Parse, GatewayClients Gateway, TextWriter Out);

/// <summary>
/// Runs a command body against the gateway with the error handling every command shares:
/// a refused call prints "error: STATUS: message" and exits 1, unusable input exits 2.
/// </summary>
public static class GatewayAction
{
    /// <summary>Makes <paramref name="body"/> the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, Func<GatewayCall, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                using var gateway = GatewayClientFactory.Create(ConnectionOptions.Read(parse));
                return await body(new GatewayCall(parse, gateway, output), cancellationToken);
            }
            catch (RpcException e)
            {
                await error.WriteLineAsync(ErrorReport.Line(e));
                return ErrorReport.CallFailed;
            }
            catch (CliInputException e)
            {
                await error.WriteLineAsync(ErrorReport.InputLine(e.Message));
                return ErrorReport.BadInput;
            }
        });
    }

    /// <summary>The same, for a body that succeeds or throws.</summary>
    public static void Set(Command command, Func<GatewayCall, CancellationToken, Task> body) =>
        Set(command, async (call, cancellationToken) =>
        {
            await body(call, cancellationToken);
            return 0;
        });
}
