using System.Text.RegularExpressions;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Checks the <c>Identity</c> section at startup for the mode the gateway runs in: every
/// problem is reported with its configuration path and what to write instead.
/// </summary>
public sealed partial class IdentityOptionsValidator(IOptions<GatewayOptions> gateway) : IValidateOptions<IdentityOptions>
{
    private const string FingerprintCommand = "'openssl x509 -noout -fingerprint -sha256 -in ca.crt'";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var problems = gateway.Value.Mode == GatewayMode.Devnet
            ? ValidateDevIdentities(options.DevIdentities)
            : ValidateClients(options.Clients);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static List<string> ValidateClients(List<ClientCertificateMapping> clients)
    {
        var problems = new List<string>();
        if (clients.Count == 0)
            problems.Add("Identity:Clients is empty: map at least one client certificate (issuing CA's fingerprint and optional subject) to an authority and role.");
        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < clients.Count; i++)
        {
            var path = $"Identity:Clients:{i}";
            var client = clients[i];
            var thumbprint = CertificateIdentityMap.NormaliseThumbprint(client.IssuerThumbprintSha256);
            var issuer = CertificateIdentityMap.NormaliseDistinguishedName(client.IssuerSubject);
            var subject = CertificateIdentityMap.NormaliseDistinguishedName(client.Subject);
            if (string.IsNullOrWhiteSpace(client.IssuerThumbprintSha256))
                problems.Add(string.IsNullOrWhiteSpace(client.IssuerSubject)
                    ? $"{path}: set IssuerThumbprintSha256 to the SHA-256 fingerprint of the CA that issues this client's certificates, as printed by {FingerprintCommand}."
                    : $"{path}: IssuerSubject alone does not name one CA: two trusted CAs may share a subject (a renewed CA keeps its name), and certificates of both would match. " +
                      $"Set IssuerThumbprintSha256 to the SHA-256 fingerprint of the issuing CA, as printed by {FingerprintCommand}; IssuerSubject may stay beside it as a check.");
            else if (thumbprint is null)
                problems.Add($"{path}:IssuerThumbprintSha256 must be 64 hex digits (colons allowed), as printed by {FingerprintCommand}.");
            if (!string.IsNullOrWhiteSpace(client.IssuerSubject) && issuer is null)
                problems.Add($"{path}:IssuerSubject '{client.IssuerSubject}' is not a distinguished name (e.g. 'CN=Officers CA, O=FOEN, C=CH').");
            if (!string.IsNullOrWhiteSpace(client.Subject) && subject is null)
                problems.Add($"{path}:Subject '{client.Subject}' is not a distinguished name (e.g. 'CN=officer-17, O=FOEN, C=CH').");
            ValidateAuthorityAndRole(path, client.Authority, client.Role, problems);
            // The fingerprint names the CA, so entries differing only in IssuerSubject map the same certificates.
            if (thumbprint is not null && !seen.Add((thumbprint, subject)))
                problems.Add($"{path} maps the same issuer and subject as an earlier entry; keep one.");
        }
        return problems;
    }

    private static List<string> ValidateDevIdentities(Dictionary<string, DevIdentityMapping> identities)
    {
        var problems = new List<string>();
        if (identities.Count == 0)
            problems.Add("Identity:DevIdentities is empty: Devnet mode needs at least one name callers can send in x-ledger-dev-identity.");
        foreach (var (name, identity) in identities)
        {
            var path = $"Identity:DevIdentities:{name}";
            if (!DevIdentityName().IsMatch(name))
                problems.Add($"{path}: names are 1..64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
            ValidateAuthorityAndRole(path, identity.Authority, identity.Role, problems);
        }
        return problems;
    }

    private static void ValidateAuthorityAndRole(string path, string authority, CallerRole? role, List<string> problems)
    {
        if (!AuthorityAddressText.TryNormalise(authority, out _))
            problems.Add($"{path}:Authority '{authority}' is not an account address (0x + 40 hex digits).");
        if (role is null || !Enum.IsDefined(role.Value))
            problems.Add($"{path}:Role must be one of {string.Join(", ", Enum.GetNames<CallerRole>())}.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    internal static partial Regex DevIdentityName();
}
