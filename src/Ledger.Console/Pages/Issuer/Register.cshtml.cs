using System.ComponentModel.DataAnnotations;
using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Console.Hosting;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Console.Pages.Issuer;

/// <summary>
/// Issuing officers: register a permit from its document in two steps (read the fields from the
/// XML with Core's <see cref="PermitDocumentReader"/>, then send the checked fields with the
/// document's bytes), or, with <see cref="Replaces"/>, register it as the replacement of another.
/// </summary>
[HandlerBodyLimit(Handler = "Read", MaxBytes = MaxUploadRequestBytes)]
[HandlerBodyLimit(Handler = "Register", MaxBytes = MaxRegisterRequestBytes)]
public sealed class RegisterModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>The upload's body: the largest document the ledger takes and room for the form's other fields and multipart headers.</summary>
    public const long MaxUploadRequestBytes = DocumentHash.MaxDocumentBytes + 64 * 1024;

    /// <summary>
    /// The registration form's body: the document again, as base64 (4/3 of it) URL-encoded (+ and /
    /// become three characters each), and the fields; 8 MiB holds a 4 MiB document's.
    /// </summary>
    public const long MaxRegisterRequestBytes = 8 * 1024 * 1024;

    /// <summary>The permit being replaced, or empty for a new registration.</summary>
    [BindProperty(SupportsGet = true)]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Replaces { get; set; } = "";

    /// <summary>The fields to check, after the document was read.</summary>
    [BindProperty]
    public PermitDraftForm? Draft { get; set; }

    /// <summary>The idempotency key of the form (kept across a corrected resubmission).</summary>
    public string RequestId { get; private set; } = NewRequestId();

    /// <summary>The registered permit, after success.</summary>
    public RegisteredPermit? Registered { get; private set; }

    /// <summary>Shows the upload form; after an upload refused unread for its size, with what went wrong.</summary>
    public void OnGet(long? tooLarge)
    {
        Draft = null;
        if (tooLarge is { } size)
            Refuse(LedgerError.InvalidArgument(
                $"The upload was {size} bytes; the ledger takes documents up to {DocumentHash.MaxDocumentBytes} bytes (4 MiB). "
                + "Nothing was read, kept or sent: choose the permit's own XML file."));
    }

    /// <summary>Reads the uploaded document's fields.</summary>
    public async Task OnPostReadAsync(IFormFile? document)
    {
        Draft = null;
        if (document is null || document.Length == 0)
        {
            Refuse(LedgerError.InvalidArgument("document", "choose the permit's XML file"));
            return;
        }
        if (document.Length > DocumentHash.MaxDocumentBytes)
        {
            Refuse(LedgerError.InvalidArgument("document", $"is {document.Length} bytes; the ledger takes documents up to {DocumentHash.MaxDocumentBytes} bytes"));
            return;
        }
        using var copy = new MemoryStream();
        await document.CopyToAsync(copy, HttpContext.RequestAborted);
        var bytes = copy.ToArray();
        if (!PermitDocumentReader.TryRead(bytes, out var summary, out var problems))
        {
            Refuse(LedgerError.InvalidArgument(problems));
            return;
        }
        Draft = PermitDraftForm.From(summary, bytes, Path.GetFileName(document.FileName));
    }

    /// <summary>Sends the checked fields with the document; a refusal shows the form again with the problems.</summary>
    public async Task OnPostRegisterAsync(string? requestId)
    {
        if (Draft is null)
            return;
        RequestId = string.IsNullOrWhiteSpace(requestId) ? NewRequestId() : requestId;
        Registered = await AttemptAsync(async ct =>
        {
            var draft = Draft.ToDraft();
            if (Replaces.Trim().Length == 0)
                return (await Backend.RegisterAsync(User, new RegisterPermitRequest { RequestId = RequestId, Permit = draft }, ct)).Permit;
            var replace = new ReplacePermitRequest { RequestId = RequestId, PermitId = Replaces.Trim(), Replacement = draft };
            return (await Backend.ReplaceAsync(User, replace, ct)).Replacement;
        });
    }
}
