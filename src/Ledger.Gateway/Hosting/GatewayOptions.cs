namespace Ledger.Gateway.Hosting;

/// <summary>Where and how the gateway listens (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Gateway";

    /// <summary>Production (mutual TLS) or Devnet (plain HTTP/2 on loopback).</summary>
    public GatewayMode Mode { get; set; } = GatewayMode.Production;

    /// <summary>IP address to listen on; must be a loopback address in Devnet mode.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port to listen on; 0 lets the system choose a free port (tests).</summary>
    public int Port { get; set; } = 7443;

    /// <summary>
    /// Largest gRPC request accepted, in bytes. The default fits a batch registration of
    /// 16 MiB (see permits.proto) plus framing.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 17 * 1024 * 1024;
}
