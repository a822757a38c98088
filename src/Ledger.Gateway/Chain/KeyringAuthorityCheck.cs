using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>
/// A gateway signs only for its own authority and that authority's agencies: every keystore
/// account must be an active authority on chain, all of one country. A gateway configured with
/// another country's key, a suspended one, or only accounts the registry does not know refuses
/// to start, naming each account with what the chain says of it (addresses and countries only,
/// never a key). Accounts not yet known are accepted beside an active issuer only: a newly
/// admitted authority's gateway must run before its issuer can designate its agencies through
/// it (`ledger network join` writes their keystores into its settings), and an undesignated
/// account can do nothing on chain.
/// </summary>
internal static class KeyringAuthorityCheck
{
    /// <summary>Reads each account's profile at the newest block and judges them.</summary>
    public static async Task<KeyringVerdict> CheckAsync(AuthorityRegistryContract registry, IReadOnlyCollection<Address> accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(accounts);
        var profiles = new List<(Address Account, AuthorityProfile Profile)>();
        foreach (var account in accounts.OrderBy(a => a.ToChecksumHex(), StringComparer.Ordinal))
            profiles.Add((account, await registry.ProfileOfAsync(account, cancellationToken: ct).ConfigureAwait(false)));
        return Judge(profiles);
    }

    /// <summary>The verdict on these profiles.</summary>
    public static KeyringVerdict Judge(IReadOnlyList<(Address Account, AuthorityProfile Profile)> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var known = profiles.Where(p => p.Profile.Exists).ToList();
        var undesignated = profiles.Where(p => !p.Profile.Exists).Select(p => p.Account).ToList();
        var oneCountry = known.Select(p => p.Profile.Country).Distinct().Count() == 1;
        var allActive = known.All(p => p.Profile.Status == AuthorityStatus.Active);
        var holdsIssuer = known.Any(p => p.Profile.Kind == AuthorityKind.Issuer);
        if (oneCountry && allActive && (undesignated.Count == 0 || holdsIssuer))
            return new KeyringVerdict(null, undesignated);
        var listed = string.Join("; ", profiles.Select(p => $"{p.Account.ToChecksumHex()}: {Describe(p.Profile)}"));
        return new KeyringVerdict(
            "a gateway signs only for its own authority and its agencies, "
            + "so every Chain:Keystores account must be an active authority of one country on chain "
            + "(accounts not yet designated only beside that country's active issuer). "
            + $"The configured accounts are {listed}. Remove the keystores that belong to another authority "
            + "(each authority runs its own gateway).",
            undesignated);
    }

    private static string Describe(AuthorityProfile profile) => profile.Exists
        ? $"{profile.Kind} of {profile.Country}, {profile.Status}"
        : "unknown to the AuthorityRegistry";
}

/// <summary>The outcome of <see cref="KeyringAuthorityCheck"/>.</summary>
/// <param name="Refusal">Why the gateway must not start (or sign), or null when it may.</param>
/// <param name="Undesignated">Accounts the registry does not know yet (the issuer is to designate them).</param>
internal sealed record KeyringVerdict(string? Refusal, IReadOnlyList<Address> Undesignated);
