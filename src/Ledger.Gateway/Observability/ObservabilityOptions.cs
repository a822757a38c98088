namespace Ledger.Gateway.Observability;

/// <summary>
/// Where Prometheus scrapes <c>/metrics</c> (configuration section <c>Observability</c>). The series
/// name this authority's nodes and count its officials' calls, which is for its operators only; so
/// with <see cref="MetricsListenAddress"/> set, <c>/metrics</c> is served on a listener of its own
/// and on no other (404 on the API's, the console's and the peer endpoint). Without it a Production
/// gateway serves no metrics at all, and a Devnet gateway serves them on its API listener (loopback).
/// </summary>
public sealed class ObservabilityOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Observability";

    /// <summary>
    /// IP address of the metrics listener (plain HTTP/1.1, as Prometheus scrapes); empty = no metrics
    /// listener. Loopback (127.0.0.1, ::1), or an address on a private network declared with
    /// <see cref="AllowPlaintextMetricsOnPrivateNetwork"/>; never every address (0.0.0.0, ::) in Production.
    /// </summary>
    public string MetricsListenAddress { get; set; } = "";

    /// <summary>TCP port of the metrics listener (9464, the Prometheus exporters' usual one); 0 lets the system choose (tests).</summary>
    public int MetricsPort { get; set; } = 9464;

    /// <summary>
    /// The operator's declaration that a non-loopback <see cref="MetricsListenAddress"/> is on a
    /// private network only this authority's own machines (its Prometheus) reach. Without it a
    /// Production gateway refuses such an address. The startup log warns once when it is so declared.
    /// </summary>
    public bool AllowPlaintextMetricsOnPrivateNetwork { get; set; }

    /// <summary>True when a metrics listener is configured.</summary>
    public bool HasListener => !string.IsNullOrWhiteSpace(MetricsListenAddress);
}
