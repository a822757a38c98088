using System.CommandLine;
using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Cli.Output;

namespace Ledger.Cli.Commands;

/// <summary>`ledger permit verify ID [--document FILE | --document-hash HEX]`: may this permit be used now?</summary>
public static class PermitVerifyCommand
{
    /// <summary>Largest document accepted, as the gateway does.</summary>
    public const long MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var permitId = CommonOptions.PermitId();
        var document = new Option<FileInfo?>("--document") { Description = "The document the trader presented, to check it is the anchored one" };
        var documentHash = new Option<string?>("--document-hash") { Description = "Or its SHA-256 (64 hex digits)" };
        var command = new Command("verify", "Verify a permit: VALID, CANCELLED or NOT_AVAILABLE, with the reason") { permitId, document, documentHash };
        command.Validators.Add(result =>
        {
            if (result.GetValue(document) is not null && result.GetValue(documentHash) is not null)
                result.AddError("give --document or --document-hash, not both.");
        });
        GatewayAction.Set(command, async (call, cancellationToken) =>
        {
            var request = new VerifyPermitRequest { PermitId = call.Parse.GetRequiredValue(permitId) };
            if (call.Parse.GetValue(document) is { } file)
                request.Document = ByteString.CopyFrom(ReadDocument(file));
            else if (call.Parse.GetValue(documentHash) is { } hash)
                request.DocumentHash = hash;
            var answer = await call.Gateway.Permits.VerifyPermitAsync(request, call.Gateway.Call(cancellationToken));
            await call.Out.WriteAsync(PermitViews.Verification(answer).ToString());
        });
        return command;
    }

    /// <summary>Reads a permit document, bounded; throws <see cref="CliInputException"/> when it cannot.</summary>
    public static byte[] ReadDocument(FileInfo file)
    {
        try
        {
            if (file.Length > MaxDocumentBytes)
                throw new CliInputException($"{file.FullName} is {file.Length} bytes; a permit document is at most {MaxDocumentBytes}.");
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {file.FullName}: {e.Message}");
        }
    }
}
