namespace Ledger.HealthProbe;

/// <summary>What to probe and with which certificates.</summary>
/// <param name="Address">The gateway, e.g. https://localhost:7443 (http:// for a devnet gateway).</param>
/// <param name="CertificateFile">PEM client certificate the gateway accepts (its own server certificate, which also allows client authentication).</param>
/// <param name="KeyFile">PEM private key of that certificate.</param>
/// <param name="CaFile">PEM CA that signed the gateway's server certificate.</param>
/// <param name="Timeout">How long the check may take.</param>
public sealed record ProbeSettings(Uri Address, string? CertificateFile, string? KeyFile, string? CaFile, TimeSpan Timeout)
{
    /// <summary>
    /// Reads <c>--url U --cert F --key F --ca F --timeout SECONDS</c>; null with a message in
    /// <paramref name="error"/> when they do not parse.
    /// </summary>
    public static ProbeSettings? Parse(IReadOnlyList<string> arguments, out string error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (i + 1 >= arguments.Count || arguments[i] is not ("--url" or "--cert" or "--key" or "--ca" or "--timeout"))
            {
                error = $"unexpected argument '{arguments[i]}'. Usage: ledger-health-probe --url https://localhost:7443 [--cert F --key F --ca F] [--timeout 5]";
                return null;
            }
            values[arguments[i]] = arguments[i + 1];
        }
        if (!Uri.TryCreate(values.GetValueOrDefault("--url", "https://localhost:7443"), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            error = "--url must be an http:// or https:// address.";
            return null;
        }
        if (values.ContainsKey("--cert") != values.ContainsKey("--key"))
        {
            error = "--cert and --key go together.";
            return null;
        }
        if (!double.TryParse(values.GetValueOrDefault("--timeout", "5"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds is <= 0 or > 300)
        {
            error = "--timeout must be a number of seconds between 0 and 300.";
            return null;
        }
        error = "";
        return new ProbeSettings(address, values.GetValueOrDefault("--cert"), values.GetValueOrDefault("--key"), values.GetValueOrDefault("--ca"), TimeSpan.FromSeconds(seconds));
    }
}
