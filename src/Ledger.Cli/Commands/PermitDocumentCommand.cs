using System.CommandLine;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger permit document ID --out FILE [--keep-mismatched]`: fetches the permit's document
/// from its issuer's gateway through one's own, and writes it only when it matches the ledger.
/// </summary>
public static class PermitDocumentCommand
{
    /// <summary>Exit code when the issuer's gateway served a document that does not match the anchored hash.</summary>
    public const int Mismatch = 3;

    /// <summary>Exit code when no document is available (not yet valid, a draft, not on the ledger, not kept).</summary>
    public const int NotAvailable = 4;

    /// <summary>Suffix of the file <c>--keep-mismatched</c> writes, so it is never taken for the permit.</summary>
    public const string MismatchedSuffix = ".MISMATCHED";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write the document to (only if it matches the ledger)", Required = true };
        var keep = new Option<bool>("--keep-mismatched")
        {
            Description = $"Also keep a document that does NOT match the ledger, as FILE{MismatchedSuffix} (for an investigation; never use it as the permit)",
        };
        var command = new Command("document",
            "Fetch a permit's document from its issuer's gateway (through yours) and check it against the anchored hash")
        { permitId, output, keep };
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var answer = await call.Gateway.Documents.FetchPermitDocumentAsync(
                new FetchPermitDocumentRequest { PermitId = call.Parse.GetRequiredValue(permitId) }, call.Gateway.Call(cancellationToken));
            var file = call.Parse.GetRequiredValue(output);
            var error = call.Parse.InvocationConfiguration.Error;
            await call.Out.WriteAsync(View(answer).ToString());
            if (answer.Availability != DocumentAvailability.Available)
            {
                await error.WriteLineAsync($"no document: {answer.NotAvailableReason}; nothing written");
                return NotAvailable;
            }
            if (answer.MatchesLedger)
            {
                await WriteAsync(file.FullName, answer, cancellationToken);
                await call.Out.WriteLineAsync($"written: {file.FullName} ({answer.Document.Length} bytes)");
                return 0;
            }
            await error.WriteLineAsync(
                $"!! THE DOCUMENT DOES NOT MATCH THE LEDGER: the issuer's gateway {answer.IssuerGatewayUrl} served {answer.ReceivedHash}, "
                + $"the ledger anchors {(answer.AnchoredHash.Length > 0 ? answer.AnchoredHash : "no hash")}. It is not this permit's document: "
                + "do not rely on it; report it to the issuing authority.");
            if (call.Parse.GetValue(keep))
            {
                var kept = file.FullName + MismatchedSuffix;
                await WriteAsync(kept, answer, cancellationToken);
                await error.WriteLineAsync($"kept for investigation as {kept} (NOT the permit's document)");
            }
            else
            {
                await error.WriteLineAsync($"{file.FullName} was not written");
            }
            return Mismatch;
        });
        return command;
    }

    private static KeyValueBlock View(FetchPermitDocumentResponse answer) =>
        new KeyValueBlock()
            .Add("permit", answer.PermitId)
            .Add("status", answer.Verification is { } v ? Words.StatusWithReason(v.Status, v.Reason) : null)
            .Add("issuer gateway", answer.IssuerGatewayUrl)
            .Add("document", answer.Availability == DocumentAvailability.Available
                ? (answer.MatchesLedger ? "matches the ledger" : "DOES NOT MATCH THE LEDGER")
                : "not available")
            .Add("media type", answer.MediaType)
            .Add("anchored hash", answer.AnchoredHash)
            .Add("received hash", answer.ReceivedHash);

    private static async Task WriteAsync(string path, FetchPermitDocumentResponse answer, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllBytesAsync(path, answer.Document.ToByteArray(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot write {path}: {e.Message}");
        }
    }
}
