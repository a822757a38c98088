using Ledger.Console.Backend;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Console.Pages;

/// <summary>Devnet only: pick which configured identity the browser acts as (a cookie; antiforgery-checked form).</summary>
public sealed class IdentityModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>Identities are picked, not proven.</summary>
    public bool IsDevnet => Backend.IsDevnet;

    /// <summary>The identities to pick from.</summary>
    public IReadOnlyList<ConsoleIdentityChoice> Choices => Backend.DevIdentities;

    /// <summary>Renders the picker.</summary>
    public void OnGet()
    {
    }

    /// <summary>Sets the identity cookie to a configured name and goes to the start page.</summary>
    public IActionResult OnPost(string? name)
    {
        var choice = Choices.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (!IsDevnet || choice is null)
            return BadRequest("Pick one of the identities listed on this page.");
        Response.Cookies.Append(DevnetIdentityCookie.Name, choice.Name, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return Redirect("/");
    }

    /// <summary>Forgets the identity.</summary>
    public IActionResult OnPostSignOut()
    {
        Response.Cookies.Delete(DevnetIdentityCookie.Name);
        return Redirect("/");
    }
}
