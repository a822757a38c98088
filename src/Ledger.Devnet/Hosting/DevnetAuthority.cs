using Ledger.Network.Definition;
using Ledger.Network.Generation;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// One authority of the devnet as its gateway serves it: the issuer and its agencies, their
/// accounts and keystores (from the authority's own chain-config folder only), and the devnet
/// identities its officers claim (&lt;id&gt;-issuer, each agency's id, &lt;id&gt;-observer).
/// </summary>
/// <param name="Id">The authority's id, e.g. "ch".</param>
/// <param name="Country">Its country.</param>
/// <param name="Port">Its gateway's port from the definition (0 = any).</param>
/// <param name="Folder">Its files.</param>
/// <param name="Accounts">Its account first, then its agencies': (identity, account address, role).</param>
public sealed record DevnetAuthority(string Id, string Country, int Port, AuthorityFolder Folder, IReadOnlyList<DevnetAccount> Accounts)
{
    /// <summary>The identity of its issuing officer.</summary>
    public string IssuerIdentity => Accounts[0].Identity;

    /// <summary>The identity of its (first) customs officer, or null when it has no customs.</summary>
    public string? CustomsIdentity => Accounts.FirstOrDefault(a => a.Role == "CustomsOfficer")?.Identity;

    /// <summary>The identity that may only read.</summary>
    public string ObserverIdentity => $"{Id}-observer";

    /// <summary>The authority as the devnet runs it, from its definition and its folder.</summary>
    public static DevnetAuthority From(AuthorityDefinition definition, AuthorityFolder folder, IReadOnlyDictionary<string, string> addresses)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var accounts = new List<DevnetAccount> { new($"{definition.Id}-issuer", definition.Id, addresses[definition.Id], "IssuingOfficer") };
        accounts.AddRange(definition.Agencies.Select(agency => new DevnetAccount(agency.Id, agency.Id, addresses[agency.Id],
            agency.Kind == AgencyKind.Customs ? "CustomsOfficer" : "ReadOnly")));
        return new DevnetAuthority(definition.Id, definition.Country, definition.GatewayPort, folder, accounts);
    }
}

/// <summary>An account a devnet gateway signs for, and the identity its officer claims.</summary>
/// <param name="Identity">The dev identity name (x-ledger-dev-identity).</param>
/// <param name="KeystoreId">Its keystore's name in the authority's keystores folder.</param>
/// <param name="Address">Its account.</param>
/// <param name="Role">The gateway role of its officer.</param>
public sealed record DevnetAccount(string Identity, string KeystoreId, string Address, string Role);
