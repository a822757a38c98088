using System.CommandLine;
using Ledger.Network.Besu;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Genesis;
using Ledger.Network.Keys;
using Ledger.Processes;
using Nethereum.JsonRpc.Client;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger network generate` (a devnet's chain-config/ from its network.json) and
/// `ledger network join` (a newcomer's own keys, settings and admission proposal).
/// These work on files and a scratch chain, never through a gateway; `join --rpc` only reads a node.
/// </summary>
public static class NetworkCommands
{
    /// <summary>Builds the `network` command and its subcommands.</summary>
    public static Command Create() => new("network", "Generate a network's chain-config, or join a network as a new issuer")
    {
        Generate(),
        Join(),
    };

    private static Command Generate()
    {
        var folder = new Option<DirectoryInfo?>("--chain-config") { Description = "The chain-config folder holding network.json (default: the repository's chain-config/)" };
        var command = new Command("generate", "Generate genesis, node keys, Besu configs, keystores and gateway settings from network.json (devnet only: keys from its seed)")
        {
            folder,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var layout = new NetworkLayout(parse.GetValue(folder)?.FullName ?? Path.Combine(ToolLocator.RepositoryRoot(), "chain-config"));
            try
            {
                var network = NetworkDefinitionFile.Read(layout.Definition);
                var generated = await new NetworkGenerator(new AnvilGenesisStateBuilder())
                    .GenerateAsync(network, layout, KeySource.Seeded(network.DevnetSeed!), cancellationToken);
                await output.WriteLineAsync($"generated {network.Name} (chain {network.ChainId}) in {layout.Root}");
                await output.WriteLineAsync($"  AuthorityRegistry {generated.State.AuthorityRegistry} (QBFT validator contract)");
                await output.WriteLineAsync($"  PermitRegistry    {generated.State.PermitRegistry}");
                foreach (var authority in generated.Keys.Authorities)
                    await output.WriteLineAsync($"  {authority.Definition.Id,-4} {authority.Definition.Country} issuer {authority.Account.GetPublicAddress()}  validator {authority.Node.Address}  full node {authority.FullNode.Address}");
                await output.WriteLineAsync("DEVNET ONLY: every key is derived from the public devnetSeed.");
                return 0;
            }
            catch (NetworkDefinitionException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command Join()
    {
        var registries = new Option<FileInfo>("--network") { Description = "The network's registries.json (its public facts)", Required = true };
        var id = new Option<string>("--id") { Description = "Short id of the new authority, e.g. no", Required = true };
        var country = new Option<string>("--country") { Description = "Its ISO 3166-1 alpha-2 country", Required = true };
        var code = new Option<string>("--code") { Description = "Its on-chain code, e.g. NO-MDIR", Required = true };
        var agencies = new Option<string[]>("--agency") { Description = "An agency as id:Kind:code (Kind: Customs, ScientificAuthority, SingleWindow); repeatable" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for its files (node key, keystores, settings, proposal.json)", Required = true };
        var passwordFile = new Option<FileInfo?>("--password-file") { Description = "File holding the keystore password (default: $LEDGER_KEYSTORE_PASSWORD)" };
        var seed = new Option<string?>("--devnet-seed") { Description = "Derive keys from this public seed (devnet only; keys are random without it)" };
        var index = new Option<int?>("--index")
        {
            Description = "Its index in the nodes' address plan, as the network assigned it (founders hold 0 to their count - 1); or give --rpc",
        };
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC URL of a node of the network: the next free index is read from its AuthorityRegistry; or give --index" };
        var command = new Command("join", "Generate a new issuer's node key, keystores and gateway settings, and print the proposal an existing issuer submits")
        {
            registries, id, country, code, agencies, output, passwordFile, seed, index, rpc,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var password = parse.GetValue(passwordFile) is { } file
                    ? (await File.ReadAllTextAsync(file.FullName, cancellationToken)).TrimEnd('\r', '\n')
                    : Environment.GetEnvironmentVariable("LEDGER_KEYSTORE_PASSWORD");
                if (string.IsNullOrEmpty(password))
                    throw new NetworkDefinitionException("give the keystore password with --password-file or LEDGER_KEYSTORE_PASSWORD (it is never written beside a real network's keys).");
                var newcomer = new AuthorityDefinition
                {
                    Id = parse.GetRequiredValue(id),
                    Country = parse.GetRequiredValue(country).Trim().ToUpperInvariant(),
                    Code = parse.GetRequiredValue(code),
                    Agencies = (parse.GetValue(agencies) ?? []).Select(ParseAgency).ToArray(),
                };
                var keys = parse.GetValue(seed) is { } devnetSeed ? KeySource.Seeded(devnetSeed) : KeySource.Random;
                var published = PublishedNetwork.Read(parse.GetRequiredValue(registries).FullName);
                var place = await NewcomerIndexAsync(parse.GetValue(index), parse.GetValue(rpc), published, cancellationToken);
                var proposal = NetworkJoin.Generate(published, newcomer, place, keys, password, parse.GetRequiredValue(output).FullName);
                var writer = parse.InvocationConfiguration.Output;
                await writer.WriteLineAsync($"{newcomer.Id}: account {proposal.Account}, validator node {proposal.Node}; files in {parse.GetRequiredValue(output).FullName}");
                await writer.WriteLineAsync($"Index {place} in the nodes' address plan: validator {NodeAddresses.ValidatorOnP2p(place)} on p2p, "
                    + $"nodes at {NodeAddresses.OnAuthorityNetwork(place, BesuNodeRole.Validator)} and {NodeAddresses.OnAuthorityNetwork(place, BesuNodeRole.FullNode)} on its own network.");
                await writer.WriteLineAsync("Send these addresses (never the keys) to an issuer of the network; it runs:");
                await writer.WriteLineAsync("  " + proposal.CommandLine);
                await writer.WriteLineAsync("Once a majority has voted, the node is in getValidators() and the gateway can serve.");
                return 0;
            }
            catch (Exception e) when (e is NetworkDefinitionException or InvalidDataException or IOException)
            {
                await error.WriteLineAsync("error: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The newcomer's index: given (--index), or read from a node (--rpc), exactly one of them.
    /// registries.json lists only the founders, so counting them would give every newcomer the same addresses.
    /// </summary>
    private static async Task<int> NewcomerIndexAsync(int? given, string? rpc, PublishedNetwork network, CancellationToken cancellationToken)
    {
        if (given.HasValue == (rpc is not null))
        {
            throw new NetworkDefinitionException(
                "give the newcomer's index in the nodes' address plan with --index N (as the network assigned it; "
                + $"its {network.Authorities.Count} founders hold 0 to {network.Authorities.Count - 1}) or --rpc URL (a node of the network, "
                + "whose AuthorityRegistry tells the next free index), one of the two: registries.json lists only the founders, "
                + "so counting them would give every newcomer the same addresses.");
        }
        if (given is { } index)
            return index;
        if (!Uri.TryCreate(rpc, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new NetworkDefinitionException($"--rpc '{rpc}' is not an http:// or https:// address.");
        var node = new RpcClient(url);
        using var disposable = node as IDisposable;
        return await NewcomerIndex.ReadAsync(network, node, cancellationToken);
    }

    private static AgencyDefinition ParseAgency(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || !Enum.TryParse<AgencyKind>(parts[1], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            throw new NetworkDefinitionException($"--agency '{text}': write id:Kind:code, Kind one of Customs, ScientificAuthority, SingleWindow.");
        return new AgencyDefinition { Id = parts[0], Kind = kind, Code = parts[2] };
    }
}
