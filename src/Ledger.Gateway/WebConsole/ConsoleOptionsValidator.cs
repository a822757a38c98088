using System.Net;
using Ledger.Console.Hosting;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>Checks the <c>Console</c> section at startup, against the gateway's mode and endpoint.</summary>
internal sealed class ConsoleOptionsValidator(IOptions<GatewayOptions> gateway, IConfiguration configuration) : IValidateOptions<ConsoleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var problems = new List<string>();
        var mode = gateway.Value.Mode;
        if (!ChainServiceCollectionExtensions.HasChainSection(configuration))
            problems.Add("Console needs the Chain section: its pages call the permit and authority handlers.");
        if (!IPAddress.TryParse(options.ListenAddress, out var address))
            problems.Add($"Console:ListenAddress '{options.ListenAddress}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).");
        else if (mode == GatewayMode.Devnet && !IPAddress.IsLoopback(address))
            problems.Add($"Console:ListenAddress is {address}, but in Devnet mode anyone may pick any identity, " +
                "so the console may only listen on a loopback address (127.0.0.1 or ::1).");
        if (options.Port is < 0 or > 65535)
            problems.Add($"Console:Port {options.Port} is not a TCP port (0..65535; 0 = any free port).");
        else if (options.Port != 0 && options.Port == gateway.Value.Port)
            problems.Add($"Console:Port {options.Port} is the gateway's own port; give the console a port of its own.");
        // Without it the Copy page builds the QR code's address from the request's Host header,
        // which the caller chooses: a Production copy must point at the authority's public address.
        if (options.PublicBaseUrl.Length == 0 && mode == GatewayMode.Production)
            problems.Add("Console:PublicBaseUrl is empty: in Production mode the paper copy's QR code must open this authority's public "
                + "verification address (an absolute https:// URL, e.g. https://verify.example/), not whatever host name a browser sent.");
        else if (options.PublicBaseUrl.Length > 0
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicBase) || (publicBase.Scheme != Uri.UriSchemeHttps && mode != GatewayMode.Devnet)))
            problems.Add($"Console:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute https:// URL (what the paper copy's QR code opens){(mode == GatewayMode.Devnet ? ", or empty" : "")}.");
        if (options.PublicRequestsPerMinute < 1)
            problems.Add($"Console:PublicRequestsPerMinute {options.PublicRequestsPerMinute} must be at least 1.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
