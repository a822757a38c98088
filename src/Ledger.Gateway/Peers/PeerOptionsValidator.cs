using Ledger.Core.Documents;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>Checks the <c>Peers</c> section at startup, naming the setting to fix.</summary>
internal sealed class PeerOptionsValidator : IValidateOptions<PeerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PeerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
            failures.Add($"Peers:Port is {options.Port}; give a TCP port (0 = any free port).");
        if (options.ListenAddress.Length > 0 && !System.Net.IPAddress.TryParse(options.ListenAddress, out _))
            failures.Add($"Peers:ListenAddress '{options.ListenAddress}' is not an IP address.");
        if (string.IsNullOrWhiteSpace(options.KeyFile))
            failures.Add("Peers:KeyFile is missing: give the PEM private key of Peers:CertificateFile.");
        if (options.PublicUrl.Length > 0
            && !(Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
            failures.Add($"Peers:PublicUrl '{options.PublicUrl}' is not an https URL; the peer endpoint speaks only TLS.");
        if (options.CallTimeout <= TimeSpan.Zero)
            failures.Add("Peers:CallTimeout must be positive.");
        if (options.MaxDocumentBytes is <= 0 or > DocumentHash.MaxDocumentBytes)
            failures.Add($"Peers:MaxDocumentBytes must be between 1 and {DocumentHash.MaxDocumentBytes} (what the ledger anchors).");
        foreach (var entry in options.AllowedGatewayHosts)
        {
            if (PeerHostPolicy.EntryProblem(entry) is { } problem)
                failures.Add(problem);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
