namespace Ledger.Gateway.Identity;

/// <summary>Who may call the gateway, and as which authority and role (configuration section <c>Identity</c>).</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Identity";

    /// <summary>Production mode: client certificates and the authority and role each maps to.</summary>
    public List<ClientCertificateMapping> Clients { get; set; } = [];

    /// <summary>
    /// Devnet mode only: names a caller may put in the <c>x-ledger-dev-identity</c> header,
    /// each mapped to an authority and role. Ignored in Production mode.
    /// </summary>
    public Dictionary<string, DevIdentityMapping> DevIdentities { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
