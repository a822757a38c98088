using Microsoft.AspNetCore.Connections.Features;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// Whether a request arrived on the console's endpoint: the console's listener marks each of its
/// connections, so the console's pages are served only there and the API only on its own port.
/// </summary>
internal static class ConsoleConnection
{
    private const string Key = "ledger.console";

    /// <summary>Marks the connection's items (called by the console listener's connection middleware).</summary>
    public static void Mark(IDictionary<object, object?> connectionItems) => connectionItems[Key] = true;

    /// <summary>True when <paramref name="context"/> came in on the console's endpoint.</summary>
    public static bool IsConsole(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Key) == true;
}
