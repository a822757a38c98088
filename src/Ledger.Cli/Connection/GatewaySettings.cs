namespace Ledger.Cli.Connection;

/// <summary>How to reach a gateway and who to be there.</summary>
/// <param name="Address">The gateway, e.g. http://127.0.0.1:5080 (devnet) or https://gateway.example:7443.</param>
/// <param name="Identity">Devnet identity name sent as the x-ledger-dev-identity header; null for none.</param>
/// <param name="ClientCertificateFile">PEM client certificate for mutual TLS; null for none.</param>
/// <param name="ClientKeyFile">PEM private key of the client certificate (unencrypted).</param>
/// <param name="CaFile">PEM CA certificate that signs the gateway's certificate; null to use the system's trust.</param>
/// <param name="Timeout">Deadline of each call.</param>
public sealed record GatewaySettings(
    Uri Address,
    string? Identity = null,
    string? ClientCertificateFile = null,
    string? ClientKeyFile = null,
    string? CaFile = null,
    TimeSpan? Timeout = null)
{
    /// <summary>Default deadline of a call: writes wait for a block, so it is generous.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The header a devnet gateway reads the caller's claimed identity from.</summary>
    public const string DevIdentityHeader = "x-ledger-dev-identity";

    /// <summary>The deadline of each call.</summary>
    public TimeSpan CallTimeout => Timeout ?? DefaultTimeout;
}
