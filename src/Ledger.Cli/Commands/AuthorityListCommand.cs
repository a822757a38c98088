using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger authority list [--country CH]`: the authorities on the ledger, as a table.</summary>
public static class AuthorityListCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var country = new Option<string?>("--country") { Description = "Only this country (ISO code)" };
        var command = new Command("list", "List the authorities registered on the ledger") { country };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new ListAuthoritiesRequest { Country = call.Parse.GetValue(country) ?? "", PageSize = 500 };
            await call.Out.WriteLineAsync(AuthorityViews.TableHeader);
            do
            {
                var page = await call.Gateway.Authorities.ListAuthoritiesAsync(request, call.Gateway.Call(cancellationToken));
                foreach (var authority in page.Authorities)
                    await call.Out.WriteLineAsync(AuthorityViews.TableRow(authority));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        });
        return command;
    }
}
