using System.CommandLine;
using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Input;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger permit register --document FILE`: one permit, its fields read from a CITES ePermit
/// or ePhyto XML by the gateway (options given are checked against it); `ledger permit
/// register ID --document FILE -q N...` for any other document; or many from a JSON Lines
/// file (--batch), sent in batches with progress ("12/50 registered").
/// </summary>
public static class PermitRegisterCommand
{
    /// <summary>Most permits the gateway takes in one batch call.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        // The permit ID is positional, as in every other permit command; not given with --batch.
        var id = CommonOptions.PermitId();
        id.Arity = ArgumentArity.ZeroOrOne;
        // Kept, hidden, so that scripts written for the old option still run.
        var legacyId = new Option<string?>("--id") { Description = "Same as the permit-id argument", Hidden = true };
        var type = new Option<PermitType>("--type")
        {
            Description = "Kind of permit: " + string.Join(", ", PermitTypeNames.All),
            DefaultValueFactory = _ => PermitType.CitesExport,
            HelpName = "type",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (PermitTypeNames.Parse(text) is { } parsed)
                    return parsed;
                result.AddError($"--type '{text}' is none of: {string.Join(", ", PermitTypeNames.All)}.");
                return PermitType.Unspecified;
            },
        };
        var document = new Option<FileInfo?>("--document")
        {
            Description = "The permit document as issued: its SHA-256 is anchored and your gateway keeps the file. From a CITES ePermit "
                + "or ePhyto XML the gateway reads the permit's fields; the options you give are checked against it",
        };
        var validFrom = new Option<string?>("--valid-from") { Description = "Start of validity (2026-06-01 or 2026-06-01T12:00:00Z); default: today (00:00 UTC), so a retry the same day is the same request" };
        var validUntil = new Option<string?>("--valid-until") { Description = "End of validity, exclusive; default: six months after --valid-from" };
        var destination = new Option<string?>("--destination") { Description = "ISO country of destination, e.g. FR" };
        var quantity = CommonOptions.Quantity("Authorised quantity of each line, in document order");
        var maxShipments = new Option<uint>("--max-shipments")
        {
            Description = "Shipments allowed (1 for a CITES permit; 0 = unlimited)",
            DefaultValueFactory = _ => 1,
        };
        var previous = new Option<string?>("--previous") { Description = "For a re-export certificate: the permit it derives from" };
        var batch = new Option<FileInfo?>("--batch") { Description = "Register every permit of a JSON Lines file (one proto3-JSON PermitDraft per line)" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Permits per transaction with --batch (1..{MaxBatchSize})",
            DefaultValueFactory = _ => 10,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxBatchSize)
                result.AddError($"--batch-size must be 1..{MaxBatchSize}.");
        });
        var requestId = CommonOptions.RequestId();
        var command = new Command("register", "Register a permit (issuer only), or a file of permits with --batch")
        {
            id, legacyId, type, document, validFrom, validUntil, destination, quantity, maxShipments, previous, batch, batchSize, requestId,
        };
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(id), result.GetValue(legacyId) }.Count(value => value is not null);
            if (given > 1)
                result.AddError("give the permit ID once: as the argument (permit register CH/2026/000123 ...).");
            if (result.GetValue(batch) is not null)
            {
                if (given > 0 || result.GetValue(document) is not null)
                    result.AddError("--batch takes every permit from the file: leave out the permit ID and --document.");
            }
            else if (result.GetValue(document) is null)
            {
                result.AddError("give --document FILE (a CITES ePermit or ePhyto XML alone; any other document with the permit ID "
                    + "and at least one --quantity), or --batch FILE.");
            }
        });

        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var parse = call.Parse;
            var request = RequestIds.Choose(parse.GetValue(requestId));
            if (parse.GetValue(batch) is { } file)
            {
                await RegisterBatchAsync(call, BatchFile.Read(file.FullName), parse.GetValue(batchSize), request, cancellationToken);
                return;
            }
            var options = new RegisterOptions(
                parse.GetValue(id) ?? parse.GetValue(legacyId),
                parse.GetResult(type) is { Implicit: false } ? parse.GetValue(type) : null,
                parse.GetValue(validFrom),
                parse.GetValue(validUntil),
                parse.GetValue(destination),
                parse.GetValue(quantity) ?? [],
                parse.GetValue(maxShipments),
                parse.GetValue(previous));
            var draft = RegisterDraftBuilder.Build(PermitVerifyCommand.ReadDocument(parse.GetValue(document)!), options, DateTimeOffset.UtcNow);
            var answer = await call.Gateway.Permits.RegisterPermitAsync(
                new RegisterPermitRequest { RequestId = request, Permit = draft }, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(PermitViews.Registered(answer.Permit, answer.Receipt).ToString());
        });
        return command;
    }

    /// <summary>
    /// Sends the drafts in batches, one transaction each, printing "N/M registered" after
    /// each. Batch i uses a request ID derived from the invocation's, so rerunning with the
    /// same --request-id after a failure replays the batches that already landed.
    /// </summary>
    public static async Task RegisterBatchAsync(
        GatewayCall call, IReadOnlyList<PermitDraft> drafts, int batchSize, string requestId, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var (chunk, index) in drafts.Chunk(batchSize).Select((chunk, index) => (chunk, index)))
        {
            var request = new RegisterPermitBatchRequest { RequestId = RequestIds.Derive(requestId, index), Permits = { chunk } };
            await call.Gateway.Permits.RegisterPermitBatchAsync(request, call.Gateway.Call(cancellationToken));
            done += chunk.Length;
            await call.Out.WriteLineAsync($"{done}/{drafts.Count} registered");
        }
        await call.Out.WriteLineAsync($"request id: {requestId} (rerun with --request-id {requestId} to resume safely)");
    }

}
