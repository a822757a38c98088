using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger permit history ID`: the audit trail, oldest first, all pages.</summary>
public static class PermitHistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var command = new Command("history", "Show who did what to a permit, and when (from the chain's events)") { permitId };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new GetPermitHistoryRequest { PermitId = call.Parse.GetRequiredValue(permitId), PageSize = 100 };
            var count = 0;
            var first = true;
            do
            {
                var page = await call.Gateway.Permits.GetPermitHistoryAsync(request, call.Gateway.Call(cancellationToken));
                if (first)
                    await call.Out.WriteAsync(new KeyValueBlock().Add("permit", page.PermitId).Add("permit key", page.PermitKey).ToString());
                foreach (var entry in page.Entries)
                {
                    await call.Out.WriteLineAsync();
                    await call.Out.WriteAsync(HistoryView.Entry(entry).ToString());
                    count++;
                }
                first = false;
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            if (count == 0)
                await call.Out.WriteLineAsync("no events: the permit is not on the ledger");
        });
        return command;
    }
}
