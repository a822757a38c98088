using Ledger.Console.Backend;

namespace Ledger.Console.Pages;

/// <summary>The start page: who is signed in and what they can do here.</summary>
public sealed class IndexModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>Identities are picked, not proven.</summary>
    public bool IsDevnet => Backend.IsDevnet;

    /// <summary>Renders the page.</summary>
    public void OnGet()
    {
    }
}
