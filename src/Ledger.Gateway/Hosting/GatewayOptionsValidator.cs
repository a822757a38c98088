using System.Net;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>Checks the <c>Gateway</c> section at startup so that a bad value stops the host with a clear message.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Mode))
            problems.Add($"Gateway:Mode must be Production or Devnet, not {options.Mode}.");
        if (!IPAddress.TryParse(options.ListenAddress, out var address))
            problems.Add($"Gateway:ListenAddress '{options.ListenAddress}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).");
        else if (options.Mode == GatewayMode.Devnet && !IPAddress.IsLoopback(address))
            problems.Add(
                $"Gateway:ListenAddress is {address}, but Devnet mode has no TLS and trusts a header for identity, " +
                "so it may only listen on a loopback address (127.0.0.1 or ::1). Use Production mode on a network.");
        if (options.Port is < 0 or > 65535)
            problems.Add($"Gateway:Port {options.Port} is not a TCP port (0..65535; 0 = any free port).");
        if (options.MaxRequestBytes is < 64 * 1024 or > 64 * 1024 * 1024)
            problems.Add($"Gateway:MaxRequestBytes {options.MaxRequestBytes} must be between 64 KiB and 64 MiB.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
