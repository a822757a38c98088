using System.Net;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Observability;

/// <summary>Checks the <c>Observability</c> section at startup, against the gateway's mode and port.</summary>
/// <param name="gateway">
/// The gateway's mode and port: Devnet keeps every listener on loopback; Production accepts a plain
/// metrics listener off loopback only on one declared private address.
/// </param>
public sealed class ObservabilityOptionsValidator(IOptions<GatewayOptions> gateway) : IValidateOptions<ObservabilityOptions>
{
    private const string Address = $"{ObservabilityOptions.SectionName}:{nameof(ObservabilityOptions.MetricsListenAddress)}";
    private const string Allow = $"{ObservabilityOptions.SectionName}:{nameof(ObservabilityOptions.AllowPlaintextMetricsOnPrivateNetwork)}";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasListener)
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        var mode = gateway.Value.Mode;
        if (options.MetricsPort is < 0 or > 65535)
            problems.Add($"Observability:MetricsPort {options.MetricsPort} is not a TCP port (0..65535; 0 = any free port).");
        else if (options.MetricsPort != 0 && options.MetricsPort == gateway.Value.Port)
            problems.Add($"Observability:MetricsPort {options.MetricsPort} is the gateway's own port; give the metrics listener a port of its own.");
        if (!IPAddress.TryParse(options.MetricsListenAddress, out var address))
            problems.Add($"{Address} '{options.MetricsListenAddress}' is not an IP address (e.g. 127.0.0.1).");
        else if (IPAddress.IsLoopback(address))
            return Result(problems);
        else if (mode == GatewayMode.Devnet)
            problems.Add($"{Address} is {address}, but a Devnet gateway listens on loopback only (127.0.0.1 or ::1).");
        else if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            problems.Add($"{Address} is {address}, every address of this machine, public ones included: the metrics listener speaks plain HTTP " +
                "and its series name this authority's nodes. Give 127.0.0.1, or the one address on the private network its Prometheus scrapes.");
        else if (!options.AllowPlaintextMetricsOnPrivateNetwork)
            problems.Add($"{Address} is {address}, not loopback, and the metrics listener speaks plain HTTP: whoever reaches it reads series naming " +
                $"this authority's nodes. Give 127.0.0.1, or, if {address} is on a private network only this authority's own machines reach, " +
                $"declare it with {Allow}=true.");
        return Result(problems);
    }

    private static ValidateOptionsResult Result(List<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
