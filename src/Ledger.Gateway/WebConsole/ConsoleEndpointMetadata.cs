namespace Ledger.Gateway.WebConsole;

/// <summary>Marks the console's endpoints: served only on console connections, as the API is served only on its own.</summary>
internal sealed class ConsoleEndpointMetadata
{
    /// <summary>The one instance.</summary>
    public static ConsoleEndpointMetadata Instance { get; } = new();
}
