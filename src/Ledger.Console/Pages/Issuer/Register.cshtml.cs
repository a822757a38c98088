using System.ComponentModel.DataAnnotations;
using Ledger.Api.V1;
using Ledger.Console.Backend;
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
public sealed class RegisterModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
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

    /// <summary>Shows the upload form.</summary>
    public void OnGet() => Draft = null;

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
