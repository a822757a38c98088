using System.Text.RegularExpressions;
using Ledger.Core.Countries;
using Ledger.Network.Besu;

namespace Ledger.Network.Definition;

/// <summary>What makes a network definition usable, each rule with the reason a founder would need.</summary>
public static partial class NetworkDefinitionRules
{
    /// <summary>QBFT tolerates f faulty validators out of 3f+1: fewer than four tolerate none.</summary>
    public const int MinimumValidators = 4;

    /// <summary>
    /// Most founding issuers: the genesis state is built by one constructor call per founder set. Below
    /// <see cref="NodeAddresses.MaximumAuthorities"/>, so every founder's nodes have addresses of their own.
    /// </summary>
    public const int MaximumFounders = 100;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex IdPattern();

    /// <summary>Every problem of <paramref name="definition"/>; empty when it is usable.</summary>
    public static IReadOnlyList<string> Check(NetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (!IdPattern().IsMatch(definition.Name ?? ""))
            problems.Add($"name '{definition.Name}': use 1-31 lower-case letters, digits or '-', starting with a letter");
        if (definition.ChainId is 0 or 1 or > int.MaxValue)
            problems.Add($"chainId {definition.ChainId}: pick a private chain id between 2 and {int.MaxValue} (1 is Ethereum mainnet)");
        if (definition.BlockPeriodSeconds is < 1 or > 60)
            problems.Add($"blockPeriodSeconds {definition.BlockPeriodSeconds}: QBFT needs 1 to 60");
        if (definition.EpochLength is < 1)
            problems.Add($"epochLength {definition.EpochLength}: must be positive");
        if (definition.RequestTimeoutSeconds <= definition.BlockPeriodSeconds)
            problems.Add($"requestTimeoutSeconds {definition.RequestTimeoutSeconds}: must exceed blockPeriodSeconds ({definition.BlockPeriodSeconds}), or rounds time out before a block can be made");
        if (definition.DevnetSeed is { Length: < 8 })
            problems.Add("devnetSeed: use at least 8 characters");

        var authorities = definition.Authorities ?? [];
        if (authorities.Count < MinimumValidators)
            problems.Add($"{authorities.Count} founding authorities: QBFT needs at least {MinimumValidators} validators to tolerate one fault");
        if (authorities.Count > MaximumFounders)
            problems.Add($"{authorities.Count} founding authorities: at most {MaximumFounders}");

        var seen = new Seen();
        foreach (var authority in authorities)
            CheckAuthority(authority, seen, problems);
        return problems;
    }

    /// <summary>
    /// Every problem of a newcomer's own definition (`ledger network join`): the same rules as for a
    /// founder. Its ids become file names, so a path in them is refused here, before anything is written.
    /// </summary>
    /// <param name="newcomer">The new issuer and its agencies.</param>
    /// <remarks>Its index in the nodes' address plan is checked apart (<c>NewcomerIndex.Check</c>): it comes from the network, not from the newcomer's definition.</remarks>
    public static IReadOnlyList<string> CheckNewcomer(AuthorityDefinition newcomer)
    {
        ArgumentNullException.ThrowIfNull(newcomer);
        var problems = new List<string>();
        CheckAuthority(newcomer, new Seen(), problems);
        return problems;
    }

    private static void CheckAuthority(AuthorityDefinition authority, Seen seen, List<string> problems)
    {
        var where = $"authority '{authority.Id}'";
        CheckId(authority.Id, where, seen.Ids, problems);
        CheckCode(authority.Code, where, seen.Codes, problems);
        if (!CountryCode.TryParse(authority.Country, out var country, out var error))
            problems.Add($"{where}: country '{authority.Country}': {error}");
        else if (!seen.IssuerCountries.Add(country.Value))
            problems.Add($"{where}: a second founding issuer for {country.Value}; one issuer per country founds the network");
        if (authority.GatewayPort is < 0 or > 65535 || (authority.GatewayPort != 0 && !seen.Ports.Add(authority.GatewayPort)))
            problems.Add($"{where}: gatewayPort {authority.GatewayPort} is out of range or used twice");
        foreach (var agency in authority.Agencies ?? [])
        {
            var agencyWhere = $"agency '{agency.Id}' of '{authority.Id}'";
            CheckId(agency.Id, agencyWhere, seen.Ids, problems);
            CheckCode(agency.Code, agencyWhere, seen.Codes, problems);
            if (!Enum.IsDefined(agency.Kind))
                problems.Add($"{agencyWhere}: kind must be Customs, ScientificAuthority or SingleWindow");
        }
    }

    // What must be unique across a network's authorities.
    private sealed class Seen
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Codes { get; } = new(StringComparer.Ordinal);

        public HashSet<int> Ports { get; } = [];

        public HashSet<string> IssuerCountries { get; } = new(StringComparer.Ordinal);
    }

    private static void CheckId(string? id, string where, HashSet<string> seen, List<string> problems)
    {
        if (!IdPattern().IsMatch(id ?? ""))
            problems.Add($"{where}: id: use 1-31 lower-case letters, digits or '-', starting with a letter");
        else if (!seen.Add(id!))
            problems.Add($"{where}: id used twice");
    }

    private static void CheckCode(string? code, string where, HashSet<string> seen, List<string> problems)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 32 || code.Any(c => c is < ' ' or > '~'))
            problems.Add($"{where}: code '{code}': 1 to 32 printable ASCII characters");
        else if (!seen.Add(code))
            problems.Add($"{where}: code '{code}' used twice; codes tell authorities apart on chain");
    }
}
