using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;

namespace Ledger.Network.Tls;

/// <summary>A client certificate a gateway accepts, and whom it acts for (an entry of the gateway's Identity:Clients).</summary>
/// <param name="Subject">The certificate's subject, as .NET renders it.</param>
/// <param name="IssuerThumbprintSha256">SHA-256 fingerprint of the CA that signed it.</param>
/// <param name="Authority">The account of the authority the officer acts for.</param>
/// <param name="Role">The gateway's CallerRole name: IssuingOfficer, CustomsOfficer or ReadOnly.</param>
public sealed record ClientCertificateEntry(string Subject, string IssuerThumbprintSha256, string Authority, string Role);

/// <summary>
/// Writes a devnet's TLS files: the CA (chain-config/tls/), and per authority its gateway's
/// server certificate, a copy of the CA certificate, and its officers' client certificates
/// (chain-config/authorities/&lt;id&gt;/tls/). Returns, per authority, the client certificates
/// its gateway maps to its accounts.
/// </summary>
public static class DevTlsFiles
{
    /// <summary>The role of an agency's officer at its gateway.</summary>
    public static string RoleOf(AgencyKind kind) => kind == AgencyKind.Customs ? "CustomsOfficer" : "ReadOnly";

    /// <summary>The officer name of an issuer's issuing officer, e.g. "ch-issuer" (as on the devnet).</summary>
    public static string IssuingOfficer(string authorityId) => $"{authorityId}-issuer";

    /// <summary>Issues and writes every certificate of <paramref name="keys"/>'s network under <paramref name="layout"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ClientCertificateEntry>> Write(
        NetworkDefinition network, NetworkLayout layout, NetworkKeys keys, KeySource source, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(keys);
        var ca = DevCertificateAuthority.Create(network.Name, source, issuedAt);
        GeneratedFiles.Write(layout.CaCertificate, ca.Ca.CertificatePem);
        GeneratedFiles.Write(layout.CaKey, ca.Ca.KeyPem);
        var clients = new Dictionary<string, IReadOnlyList<ClientCertificateEntry>>();
        foreach (var authority in keys.Authorities)
        {
            var definition = authority.Definition;
            var folder = layout.Authority(definition.Id);
            var gateway = ca.IssueGateway(definition.Id, definition.Code, NetworkGenerator.GatewayHost(definition.Id));
            GeneratedFiles.Write(folder.GatewayCertificate, gateway.CertificatePem);
            GeneratedFiles.Write(folder.GatewayKey, gateway.KeyPem);
            GeneratedFiles.Write(folder.TrustedCa, ca.Ca.CertificatePem);

            var officers = new List<(string Name, string Account, string Role)>
            {
                (IssuingOfficer(definition.Id), authority.Account.GetPublicAddress(), "IssuingOfficer"),
            };
            officers.AddRange(authority.Agencies.Select(a => (a.Agency.Id, a.Key.GetPublicAddress(), RoleOf(a.Agency.Kind))));
            // The gateway's own certificate reads as its authority: its container health check presents it.
            var entries = new List<ClientCertificateEntry>
            {
                new(gateway.Certificate.SubjectName.Name, ca.CaThumbprintSha256, authority.Account.GetPublicAddress(), "ReadOnly"),
            };
            foreach (var (name, account, role) in officers)
            {
                var officer = ca.IssueOfficer(name, definition.Code, definition.Country);
                GeneratedFiles.Write(folder.OfficerCertificate(name), officer.CertificatePem);
                GeneratedFiles.Write(folder.OfficerKey(name), officer.KeyPem);
                entries.Add(new ClientCertificateEntry(officer.Certificate.SubjectName.Name, ca.CaThumbprintSha256, account, role));
            }
            clients[definition.Id] = entries;
        }
        return clients;
    }
}
