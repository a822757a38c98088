namespace Ledger.Gateway.Tls;

/// <summary>Server certificate and trusted client CAs for Production mode (configuration section <c>Tls</c>).</summary>
public sealed class TlsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Tls";

    /// <summary>PEM file with the server certificate (leaf first). Replacing it takes effect without a restart.</summary>
    public string ServerCertificateFile { get; set; } = "";

    /// <summary>PEM file with the server certificate's unencrypted private key (protect it with file permissions, e.g. 0600).</summary>
    public string ServerKeyFile { get; set; } = "";

    /// <summary>
    /// PEM files with the CA certificates whose client certificates are accepted. Only these
    /// are trusted; the operating system's store is not consulted. List the CA that signs the
    /// client certificates directly (an intermediate CA too). Read at startup: restart the
    /// gateway after changing them.
    /// </summary>
    public List<string> TrustedCaFiles { get; set; } = [];

    /// <summary>
    /// How often, at most, a TLS handshake re-reads the server certificate and trusted CA
    /// files to see whether they changed. 0 checks on every handshake.
    /// </summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
