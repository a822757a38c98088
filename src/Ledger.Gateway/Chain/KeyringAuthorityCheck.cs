using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;
using AuthorityStatus = Ledger.Contracts.AuthorityStatus;

namespace Ledger.Gateway.Chain;

/// <summary>
/// A gateway signs only for its own authority and that authority's agencies: every keystore
/// account must be an active authority on chain, all of one country. A gateway configured with
/// another country's key, or an account the registry does not know, refuses to start, naming
/// each account with what the chain says of it (addresses and countries only, never a key).
/// </summary>
internal static class KeyringAuthorityCheck
{
    /// <summary>Reads each account's profile; returns null when they belong to one country, else the refusal.</summary>
    public static async Task<string?> FindProblemAsync(AuthorityRegistryContract registry, IReadOnlyCollection<Address> accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(accounts);
        var profiles = new List<(Address Account, AuthorityProfile Profile)>();
        foreach (var account in accounts.OrderBy(a => a.ToChecksumHex(), StringComparer.Ordinal))
            profiles.Add((account, await registry.ProfileOfAsync(account, cancellationToken: ct).ConfigureAwait(false)));
        return Judge(profiles);
    }

    /// <summary>The refusal for these profiles, or null when all are active authorities of one country.</summary>
    public static string? Judge(IReadOnlyList<(Address Account, AuthorityProfile Profile)> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var countries = profiles.Where(p => p.Profile.Exists).Select(p => p.Profile.Country).Distinct().Count();
        var allActive = profiles.All(p => p.Profile.Exists && p.Profile.Status == AuthorityStatus.Active);
        if (allActive && countries <= 1)
            return null;
        var listed = string.Join("; ", profiles.Select(p => $"{p.Account.ToChecksumHex()}: {Describe(p.Profile)}"));
        return "This gateway refuses to start: a gateway signs only for its own authority and its agencies, "
            + "so every Chain:Keystores account must be an active authority of one country on chain. "
            + $"The configured accounts are {listed}. Remove the keystores that belong to another authority "
            + "(each authority runs its own gateway).";
    }

    private static string Describe(AuthorityProfile profile) => profile.Exists
        ? $"{profile.Kind} of {profile.Country}, {profile.Status}"
        : "unknown to the AuthorityRegistry";
}
