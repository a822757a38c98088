namespace Ledger.Console.Hosting;

/// <summary>The console's stylesheet, for a page the host writes itself (the gateway's refusal page).</summary>
public static class ConsoleStylesheet
{
    /// <summary>Its fingerprinted URL: kept by a browser for a year, like the console's own pages' link to it.</summary>
    public static string Url => ConsoleAssets.Url("console.css");
}
