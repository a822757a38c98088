using Ledger.Console.Backend;
using Ledger.Core.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ledger.Console.Pages;

/// <summary>
/// What every console page shares: the gateway's handlers, the signed-in official, and the
/// ledger's refusal shown as the page's alert (its message says what to do next).
/// </summary>
public abstract class ConsolePage(ILedgerConsoleBackend backend) : PageModel
{
    /// <summary>The gateway's application handlers.</summary>
    protected ILedgerConsoleBackend Backend { get; } = backend;

    /// <summary>The signed-in official, or null.</summary>
    public ConsoleCaller? Caller => Backend.DescribeCaller(User);

    /// <summary>The ledger's refusal of the last action, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Each field problem of that refusal.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Runs <paramref name="call"/>; a ledger refusal becomes <see cref="Error"/> and the result null.</summary>
    protected async Task<T?> AttemptAsync<T>(Func<CancellationToken, Task<T>> call) where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (LedgerException e)
        {
            Refuse(e.Error);
            return null;
        }
    }

    /// <summary>Shows <paramref name="error"/> as the page's alert.</summary>
    protected void Refuse(LedgerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error.Message;
        Problems = [.. error.Problems.Select(problem => $"{problem.Field}: {problem.Message}")];
    }

    /// <summary>A fresh idempotency key for a form: submitting the same form twice is one write.</summary>
    protected static string NewRequestId() => Guid.NewGuid().ToString("N");
}
