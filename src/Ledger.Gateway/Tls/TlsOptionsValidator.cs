using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tls;

/// <summary>Checks the <c>Tls</c> section at startup in Production mode (Devnet mode has no TLS).</summary>
public sealed class TlsOptionsValidator(IOptions<GatewayOptions> gateway) : IValidateOptions<TlsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        if (gateway.Value.Mode != GatewayMode.Production)
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        RequireFile("Tls:ServerCertificateFile", options.ServerCertificateFile, "the server certificate PEM", problems);
        RequireFile("Tls:ServerKeyFile", options.ServerKeyFile, "the server private key PEM", problems);
        if (options.TrustedCaFiles.Count == 0)
            problems.Add("Tls:TrustedCaFiles is empty: list the PEM files of the CAs that issue your callers' client certificates.");
        for (var i = 0; i < options.TrustedCaFiles.Count; i++)
            RequireFile($"Tls:TrustedCaFiles:{i}", options.TrustedCaFiles[i], "a trusted CA PEM", problems);
        if (options.ReloadCheckInterval < TimeSpan.Zero || options.ReloadCheckInterval > TimeSpan.FromHours(1))
            problems.Add($"Tls:ReloadCheckInterval {options.ReloadCheckInterval} must be between 00:00:00 and 01:00:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void RequireFile(string key, string? path, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
            problems.Add($"{key} is not set: give the path of {what} (Production mode requires TLS).");
        else if (!File.Exists(path))
            problems.Add($"{key} '{path}' does not exist or is not readable.");
    }
}
