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

    /// <summary>
    /// True when the request asks for something its endpoint does not serve: a console page on
    /// the API's endpoint, or anything but a console page on the console's. Such a request is
    /// answered 404 before anything else is said about it (no sign-in redirect, no gRPC status).
    /// </summary>
    public static bool IsMisdirected(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var consoleEndpoint = endpoint?.Metadata.GetMetadata<ConsoleEndpointMetadata>() is not null;
        return IsConsole(context) ? !consoleEndpoint : consoleEndpoint;
    }
}
