namespace Ledger.Console.Hosting;

/// <summary>The web console's settings (configuration section <c>Console</c>); no section, no console.</summary>
public sealed class ConsoleOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Console";

    /// <summary>IP address the console listens on; loopback only in Devnet mode.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the console, not the gateway's; 0 lets the system choose (tests).</summary>
    public int Port { get; set; } = 8443;

    /// <summary>
    /// The console's address as the public reaches it (printed in the paper copy's QR code), e.g.
    /// https://permits.example.ch/. Empty: the address the issuer's browser used (devnet).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Public verification page views allowed per client address and minute.</summary>
    public int PublicRequestsPerMinute { get; set; } = 30;
}
